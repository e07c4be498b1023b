package dev.ordino.plugins.notifylog;

import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.MessageAction;
import dev.ordino.plugin.api.NotificationChannel;
import dev.ordino.plugin.api.NotificationMessage;
import dev.ordino.plugin.api.SettingDescriptor;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/** A notification channel that writes each message to the host's log instead of sending it. */
@Extension
public class LogNotificationChannel implements NotificationChannel {

    static final String LEVEL_SETTING = "level";

    @Override
    public String key() {
        return "log";
    }

    @Override
    public String displayName() {
        return "Application log";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(new SettingDescriptor(LEVEL_SETTING, "Log level (INFO or DEBUG)",
                SettingDescriptor.SettingType.TEXT, false, false, "INFO", null));
    }

    @Override
    public void send(HostContext context, NotificationMessage message) {
        Level level = "DEBUG".equalsIgnoreCase(context.setting(LEVEL_SETTING).orElse("INFO")) ? Level.DEBUG : Level.INFO;
        context.logger().log(level, format(message));
    }

    @Override
    public boolean supportsActions() {
        return false;
    }

    static String format(NotificationMessage message) {
        String actions = message.actions().stream().map(MessageAction::label).collect(Collectors.joining(", "));
        return "notification " + message.id() + " to " + message.recipient() + ": " + message.subject()
                + " | " + message.body().replace('\n', ' ')
                + (actions.isEmpty() ? "" : " | actions: " + actions);
    }
}
