package dev.ordino.plugins.notifyemail;

import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.NotificationChannel;
import dev.ordino.plugin.api.NotificationMessage;
import dev.ordino.plugin.api.SettingDescriptor;
import dev.ordino.plugin.api.SettingDescriptor.SettingType;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.pf4j.Extension;

/**
 * Notifications by SMTP (Jakarta Mail, Angus): every mail has a plain-text and an HTML part.
 * Customers' mails go to the address the host gives; staff mails to {@code staffAddress}. The
 * Message-ID comes from the message's stable id, so a mail sent again after a crash is one mail to
 * a receiving server that drops repeats.
 */
@Extension
public class EmailChannel implements NotificationChannel {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String FROM = "from";
    static final String TLS = "tls";
    static final String STAFF_ADDRESS = "staffAddress";

    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 20_000;

    @Override
    public String key() {
        return "smtp";
    }

    @Override
    public String displayName() {
        return "E-mail (SMTP)";
    }

    @Override
    public RecipientKind recipientKind() {
        return RecipientKind.EMAIL;
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                new SettingDescriptor(HOST, "SMTP server", SettingType.TEXT, false, true, null, "e.g. smtp.example.com"),
                new SettingDescriptor(PORT, "Port", SettingType.NUMBER, false, false, "587", "587 for STARTTLS, 465 for SSL, 25 for none"),
                new SettingDescriptor(USERNAME, "User name", SettingType.TEXT, false, false, null, "Leave empty when the server needs no sign-in"),
                new SettingDescriptor(PASSWORD, "Password", SettingType.TEXT, true, false, null, null),
                new SettingDescriptor(FROM, "From address", SettingType.TEXT, false, true, null, "e.g. Shop <orders@shop.example>"),
                SettingDescriptor.choice(TLS, "Encryption", List.of("none", "starttls", "ssl"), "starttls", null),
                new SettingDescriptor(STAFF_ADDRESS, "Staff address", SettingType.TEXT, false, false, null,
                        "Where mails for staff go (new orders, alerts)"));
    }

    @Override
    public Map<String, String> validateSettings(Map<String, String> settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            int port = Integer.parseInt(settings.getOrDefault(PORT, "587").strip());
            if (port < 1 || port > 65535) {
                problems.put(PORT, "A port is from 1 to 65535");
            }
        } catch (NumberFormatException e) {
            problems.put(PORT, "A port is a whole number");
        }
        if (!isAddress(settings.get(FROM))) {
            problems.put(FROM, "Enter an e-mail address, e.g. Shop <orders@shop.example>");
        }
        String staff = settings.get(STAFF_ADDRESS);
        if (staff != null && !staff.isBlank() && !isAddress(staff)) {
            problems.put(STAFF_ADDRESS, "Enter an e-mail address");
        }
        return problems;
    }

    @Override
    public void send(HostContext context, NotificationMessage message) throws ChannelException {
        deliver(context, message);
    }

    @Override
    public String deliver(HostContext context, NotificationMessage message) throws ChannelException {
        String to = message.toStaff() ? context.setting(STAFF_ADDRESS)
                .orElseThrow(() -> new ChannelException("No staff address is set on this channel", false, null)) : message.recipient();
        // Jakarta Mail finds its SMTP provider and the MIME handlers through the context class loader: the plugin's own.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(EmailChannel.class.getClassLoader());
        try {
            Session session = Session.getInstance(properties(context));
            MimeMessage mail = new StableIdMessage(session, messageId(message.id(), context.settings().get(FROM)));
            mail.setFrom(new InternetAddress(context.settings().get(FROM), true));
            mail.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
            mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mail.setSentDate(Date.from(context.clock().instant()));
            mail.setHeader("Content-Language", message.locale());
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.body(), StandardCharsets.UTF_8.name(), "plain");
            alternative.addBodyPart(text);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html() != null ? message.html() : "<pre>" + escape(message.body()) + "</pre>",
                    StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
            mail.setContent(alternative);
            mail.saveChanges();
            String user = context.setting(USERNAME).orElse(null);
            Transport.send(mail, mail.getAllRecipients(), user, user == null ? null : context.setting(PASSWORD).orElse(""));
            return mail.getMessageID();
        } catch (AddressException e) {
            throw new ChannelException("Not an e-mail address: " + to, false, e);
        } catch (SendFailedException e) {
            Address[] invalid = e.getInvalidAddresses();
            boolean refusedForGood = invalid != null && invalid.length > 0;
            throw new ChannelException("The server refused the mail: " + e.getMessage(), !refusedForGood, e);
        } catch (AuthenticationFailedException e) {
            // Staff may fix the password meanwhile: retried within the host's window.
            throw new ChannelException("The SMTP server refused the sign-in", true, e);
        } catch (MessagingException e) {
            throw new ChannelException("SMTP failed: " + e.getMessage(), true, e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Properties properties(HostContext context) {
        Map<String, String> settings = context.settings();
        String tls = settings.getOrDefault(TLS, "starttls");
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "ssl".equals(tls) ? "smtps" : "smtp");
        String prefix = "ssl".equals(tls) ? "mail.smtps." : "mail.smtp.";
        properties.put(prefix + "host", settings.get(HOST));
        properties.put(prefix + "port", settings.getOrDefault(PORT, "587"));
        properties.put(prefix + "connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        properties.put(prefix + "timeout", Integer.toString(READ_TIMEOUT_MS));
        properties.put(prefix + "writetimeout", Integer.toString(READ_TIMEOUT_MS));
        properties.put(prefix + "auth", Boolean.toString(context.setting(USERNAME).isPresent()));
        if ("starttls".equals(tls)) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if ("ssl".equals(tls)) {
            properties.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        return properties;
    }

    /** {@code <hash-of-id.ordino@domain-of-from>}: the same for every try of one message. */
    static String messageId(String id, String from) {
        String domain = "ordino.invalid";
        try {
            String address = new InternetAddress(from).getAddress();
            domain = address.substring(address.indexOf('@') + 1);
        } catch (AddressException | RuntimeException e) {
            // keep the placeholder domain
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + ".ordino@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isAddress(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            new InternetAddress(value, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A message whose Message-ID is given rather than made up on each save. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
