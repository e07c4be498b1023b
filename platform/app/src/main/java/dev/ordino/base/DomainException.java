package dev.ordino.base;

import java.util.List;

/**
 * A request the domain refuses, with a stable machine code (API {@code code}, UI translation key
 * {@code error.<code>}), the HTTP status the API answers with, and the field at fault if any.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final int status;
    private final String field;
    private final List<Object> arguments;

    public DomainException(int status, String code, String field, String detail, Object... arguments) {
        super(detail);
        this.code = code;
        this.status = status;
        this.field = field;
        this.arguments = List.of(arguments);
    }

    public static DomainException badRequest(String code, String field, String detail, Object... arguments) {
        return new DomainException(400, code, field, detail, arguments);
    }

    public static DomainException notFound(String code, String detail) {
        return new DomainException(404, code, null, detail);
    }

    public static DomainException conflict(String code, String detail, Object... arguments) {
        return new DomainException(409, code, null, detail, arguments);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    /** Values for the translated message, e.g. the allowed range. */
    public List<Object> arguments() {
        return arguments;
    }

    /** Translation key of the message shown in the UI. */
    public String messageKey() {
        return "error." + code;
    }
}
