package dev.ordino.plugin.api;

/** A call into an extension failed; {@code retryable} says whether trying again later may help. */
public class ExtensionException extends Exception {

    private final boolean retryable;

    public ExtensionException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
