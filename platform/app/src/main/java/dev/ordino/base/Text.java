package dev.ordino.base;

/** Text from forms and from other systems, checked or cut to the column it goes into. */
public final class Text {

    private Text() {
    }

    /**
     * The value stripped, required and at most {@code max} characters.
     *
     * @throws DomainException {@code required} or {@code too_long} on {@code field}
     */
    public static String required(String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw DomainException.badRequest("required", field, "This field is required");
        }
        if (text.length() > max) {
            throw DomainException.badRequest("too_long", field, "Use at most " + max + " characters", max);
        }
        return text;
    }

    /** The value cut to {@code max} characters (null stays null): for text from elsewhere that must fit a column. */
    public static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** The value stripped and cut to {@code max} characters, or {@code null} when blank: optional form fields. */
    public static String optional(String value, int max) {
        return value == null || value.isBlank() ? null : cut(value.strip(), max);
    }
}
