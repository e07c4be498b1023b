package dev.ordino.plugin.api;

/** The provider's reference for a placed order. */
public record ProviderOrderRef(String ref) {
}
