package dev.ordino.base.crypto;

/** The store's secret key ({@code ORDINO_SECRET_KEY} or the generated one). Never log it. */
public record StoreSecret(String value) {

    @Override
    public String toString() {
        return "StoreSecret[****]";
    }
}
