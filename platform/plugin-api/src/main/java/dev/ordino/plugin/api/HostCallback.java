package dev.ordino.plugin.api;

/**
 * Calls from a plugin back into the host, for things that happen outside a host call:
 * a staff member pressing a button in a chat, a push from a gateway that arrives on a
 * connection the plugin holds. Every call is idempotent on the host side.
 */
public interface HostCallback {

    /**
     * A message action was pressed.
     *
     * @param actionToken the {@link MessageAction#token()} of the pressed action
     * @param actor       who pressed it, as the channel knows them (e.g. {@code "telegram:123456"})
     * @return a short text to show the person who pressed it
     */
    String actionPressed(String actionToken, String actor);
}
