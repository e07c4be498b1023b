package dev.ordino.plugins.notifyemail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.ordino.plugin.api.NotificationChannel;
import dev.ordino.plugin.api.NotificationMessage;
import dev.ordino.plugin.testing.TestHost;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mails through a real SMTP server on 127.0.0.1 (GreenMail). */
class EmailChannelTest {

    GreenMail smtp;
    final EmailChannel channel = new EmailChannel();

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("host", "127.0.0.1");
        settings.put("port", Integer.toString(smtp.getSmtp().getPort()));
        settings.put("from", "Shop <orders@shop.example>");
        settings.put("tls", "none");
        settings.put("staffAddress", "staff@shop.example");
        return settings;
    }

    NotificationMessage message(String id, String to) {
        return new NotificationMessage(id, to, "[Shop] Order ORD-000042: Completed", "Your order ORD-000042 is now: Completed.",
                List.of(), Map.of("orderNumber", "ORD-000042"), "<p>Your order <b>ORD-000042</b> is now: Completed.</p>", "en");
    }

    @Test
    void aCustomerGetsOneMailWithAPlainTextAndAnHtmlPart() throws Exception {
        String reference = channel.deliver(new TestHost(settings()), message("order_status_changed:42:completed:customer",
                "customer@example.com"));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals("[Shop] Order ORD-000042: Completed", mail.getSubject());
        assertEquals("customer@example.com", mail.getAllRecipients()[0].toString());
        assertEquals("orders@shop.example", ((jakarta.mail.internet.InternetAddress) mail.getFrom()[0]).getAddress());
        Multipart parts = (Multipart) mail.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(GreenMailUtil.getBody(parts.getBodyPart(0)).contains("ORD-000042 is now: Completed"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertTrue(GreenMailUtil.getBody(parts.getBodyPart(1)).contains("<b>ORD-000042</b>"));
        assertEquals(reference, mail.getMessageID(), "the reference is the Message-ID");
    }

    @Test
    void everyTryOfOneMessageCarriesTheSameMessageIdAndOtherMessagesAnother() {
        String one = EmailChannel.messageId("order_paid:1:customer", "orders@shop.example");
        assertEquals(one, EmailChannel.messageId("order_paid:1:customer", "Shop <orders@shop.example>"));
        assertNotEquals(one, EmailChannel.messageId("order_paid:2:customer", "orders@shop.example"));
        assertTrue(one.endsWith("@shop.example>"));
    }

    @Test
    void staffMailGoesToTheStaffAddressAndWithoutOneIsRefusedForGood() throws Exception {
        channel.deliver(new TestHost(settings()), message("order_placed:7:staff", NotificationMessage.STAFF));
        assertEquals("staff@shop.example", smtp.getReceivedMessages()[0].getAllRecipients()[0].toString());

        Map<String, String> noStaff = settings();
        noStaff.remove("staffAddress");
        NotificationChannel.ChannelException refused = assertThrows(NotificationChannel.ChannelException.class,
                () -> channel.deliver(new TestHost(noStaff), message("order_placed:8:staff", NotificationMessage.STAFF)));
        assertFalse(refused.retryable());
    }

    @Test
    void aServerThatIsDownIsWorthAnotherTry() {
        Map<String, String> settings = settings();
        smtp.stop();
        NotificationChannel.ChannelException failed = assertThrows(NotificationChannel.ChannelException.class,
                () -> channel.deliver(new TestHost(settings), message("m", "customer@example.com")));
        assertTrue(failed.retryable());
    }

    @Test
    void aServerThatWantsASignInGetsTheUserAndPassword() throws Exception {
        smtp.setUser("orders@shop.example", "shop-user", "s3cret");
        smtp.getManagers().getSmtpManager().getUserManager().setAuthRequired(true);
        Map<String, String> settings = settings();
        settings.put("username", "shop-user");
        settings.put("password", "wrong");
        NotificationChannel.ChannelException refused = assertThrows(NotificationChannel.ChannelException.class,
                () -> channel.deliver(new TestHost(settings), message("m1", "customer@example.com")));
        assertTrue(refused.retryable(), "staff may fix the password meanwhile");

        settings.put("password", "s3cret");
        channel.deliver(new TestHost(settings), message("m2", "customer@example.com"));
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void settingsNeedAFromAddressAndAPortInRange() {
        Map<String, String> settings = settings();
        settings.put("from", "not an address");
        settings.put("port", "70000");
        Map<String, String> problems = channel.validateSettings(settings);
        assertTrue(problems.containsKey("from"));
        assertTrue(problems.containsKey("port"));
        assertEquals(Map.of(), channel.validateSettings(settings()));
        assertEquals(NotificationChannel.RecipientKind.EMAIL, channel.recipientKind());
        assertEquals(List.of("none", "starttls", "ssl"), channel.settings().stream().filter(s -> s.key().equals("tls")).findFirst()
                .orElseThrow().options());
    }
}
