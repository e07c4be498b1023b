package dev.ordino.account;

import java.util.Locale;

/**
 * Registration refused, with the field at fault and a code; views and the API turn the
 * code into a message ({@code registration.error.<code>} in the translation bundle).
 */
public class RegistrationException extends RuntimeException {

    public enum Reason {
        EMAIL_INVALID("email"),
        EMAIL_TAKEN("email"),
        NAME_REQUIRED("displayName"),
        NAME_TOO_LONG("displayName"),
        WEAK_PASSWORD("password"),
        PASSWORD_TOO_LONG("password");

        private final String field;

        Reason(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }

        public String messageKey() {
            return "registration.error." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public RegistrationException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
