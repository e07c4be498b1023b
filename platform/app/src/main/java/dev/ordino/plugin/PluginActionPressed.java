package dev.ordino.plugin;

/** Someone pressed a button a notification channel showed (e.g. "Accept" in a Telegram chat). */
public record PluginActionPressed(String actionToken, String actor) {
}
