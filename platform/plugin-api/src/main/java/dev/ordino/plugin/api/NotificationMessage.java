package dev.ordino.plugin.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One notification, already rendered in the recipient's language.
 *
 * @param id        unique and stable across retries
 * @param recipient where to deliver, as the channel understands it: an e-mail address, a chat id;
 *                  {@link #STAFF} for the staff destination in the instance's own settings
 * @param subject   short title
 * @param body      plain text body
 * @param actions   buttons to offer (may be empty)
 * @param data      extra machine-readable fields, e.g. {@code orderId}, {@code event}, {@code link}
 * @param html      the same message as an HTML fragment for channels that show HTML (e-mail), or {@code null} (since 1.3.0)
 * @param locale    the recipient's language as a BCP 47 tag ({@code en}, {@code ru}, {@code id}) (since 1.3.0)
 */
public record NotificationMessage(String id, String recipient, String subject, String body,
                                  List<MessageAction> actions, Map<String, String> data, String html, String locale) {

    /** The recipient of a message meant for the staff destination configured on the channel instance. */
    public static final String STAFF = "staff";

    public NotificationMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        actions = actions == null ? List.of() : List.copyOf(actions);
        data = data == null ? Map.of() : Map.copyOf(data);
        locale = locale == null || locale.isBlank() ? "en" : locale;
    }

    /** A plain text message, as the host built them before 1.3. */
    public NotificationMessage(String id, String recipient, String subject, String body,
                               List<MessageAction> actions, Map<String, String> data) {
        this(id, recipient, subject, body, actions, data, null, null);
    }

    /** Whether the message goes to the staff destination of the instance rather than to an address it carries. */
    public boolean toStaff() {
        return recipient == null || recipient.isBlank() || STAFF.equals(recipient);
    }
}
