package dev.ordino.plugin.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One notification, already rendered in the recipient's language.
 *
 * @param id        unique and stable across retries
 * @param recipient where to deliver, as the channel understands it: e-mail address, chat id, webhook
 * @param subject   short title
 * @param body      plain text body
 * @param actions   buttons to offer (may be empty)
 * @param data      extra machine-readable fields, e.g. {@code orderId}
 */
public record NotificationMessage(String id, String recipient, String subject, String body,
                                  List<MessageAction> actions, Map<String, String> data) {

    public NotificationMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        actions = actions == null ? List.of() : List.copyOf(actions);
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
