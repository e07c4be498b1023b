package dev.ordino.plugin.api;

/**
 * Why a provider call failed. The subtype tells the host what it may do next.
 */
public abstract sealed class ProviderException extends Exception
        permits ProviderException.Rejected, ProviderException.Unreachable, ProviderException.OutcomeUnknown {

    protected ProviderException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The provider answered and said no (bad link, not enough funds, ...). Retrying will not help. */
    public static final class Rejected extends ProviderException {
        public Rejected(String message) {
            super(message, null);
        }
    }

    /** The request never reached the provider. Safe to retry. */
    public static final class Unreachable extends ProviderException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The request may have been carried out (timeout after sending). Check before retrying. */
    public static final class OutcomeUnknown extends ProviderException {
        public OutcomeUnknown(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
