package dev.ordino.base.ui;

import java.util.Optional;

/** What the frame shows of the store (its name and logo), provided by the store settings feature. */
public interface StoreBranding {

    String shopName();

    /** Where the shop's logo is served, changing with each new logo; empty when the shop has none. */
    default Optional<String> logoUrl() {
        return Optional.empty();
    }
}
