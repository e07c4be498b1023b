package dev.ordino.base.ui;

/** What the frame shows of the store (its name), provided by the store settings feature. */
public interface StoreBranding {

    String shopName();
}
