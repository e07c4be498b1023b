package dev.ordino.notification;

import static dev.ordino.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.ordino.Actors;
import dev.ordino.Figures;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.config.OrdinoProperties;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PlaceOrder;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers' mails through a configured notify-email instance to a real SMTP server on 127.0.0.1
 * (GreenMail): the right mails, in both parts, in the shop's words; a server that is down for a while
 * then back gets every mail exactly once.
 */
@OrdinoTest
class NotificationMailTest {

    @Autowired
    Actors actors;
    @Autowired
    OrderService orders;
    @Autowired
    OrderAdminService admin;
    @Autowired
    CatalogService catalog;
    @Autowired
    ChannelInstances channels;
    @Autowired
    DeliveryJob job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrdinoProperties properties;
    @Autowired
    dev.ordino.account.AccountTokens accountTokens;
    @Autowired
    dev.ordino.account.AccountService accounts;

    GreenMail smtp;
    int port;
    long channelId;

    @BeforeEach
    void startMailServer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        port = smtp.getSmtp().getPort();
        channelId = actors.asAdmin(() -> channels.create(new ChannelInstances.ChannelForm("Mail " + System.nanoTime(), "notify-email",
                Map.of("host", "127.0.0.1", "port", Integer.toString(port), "from", "Shop <orders@shop.example>", "tls", "none",
                        "password", "never-shown"), true, null, null))).id();
    }

    @AfterEach
    void stopMailServer() {
        // Later tests in this JVM must not mail through a server that is gone.
        jdbc.sql("UPDATE notification_channel SET enabled = 0 WHERE id = ?").param(channelId).update();
        smtp.stop();
    }

    OrderView place(AccountSummary customer) throws Exception {
        long product = catalog.offerings(new OfferingFilter("tiktok", null, "Followers", false), Pageable.ofSize(1)).getContent()
                .getFirst().id();
        return actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(product, 100L, "https://www.tiktok.com/@x", null)), "wallet"), null)).order();
    }

    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    List<MimeMessage> orderMails(String address, String number) {
        return mailsTo(address).stream().filter(m -> subject(m).contains(number)).toList();
    }

    @Test
    void theCustomerIsMailedThatTheOrderIsPlacedPaidAndCompletedWithNumberStatusAndLinkInBothParts() throws Exception {
        assertThat(actors.asAdmin(channels::list).stream().filter(c -> c.id() == channelId).findFirst().orElseThrow().settings())
                .containsEntry("password", "********").containsEntry("tls", "none");
        AccountSummary customer = actors.customerWith("5.00");
        OrderView order = place(customer);
        actors.asAdmin(() -> admin.changeStatus(order.id(), OrderStatus.COMPLETED, "done at provider panel-x, ref 998877", "admin"));

        eventually(() -> orderMails(customer.email(), order.number()).size() >= 3);
        Thread.sleep(300);
        List<MimeMessage> mails = orderMails(customer.email(), order.number());
        assertThat(mails).hasSize(3);
        MimeMessage completed = mails.stream().filter(m -> subject(m).contains("Completed")).findFirst().orElseThrow();
        assertThat(subject(completed)).isEqualTo("[Ordino] Order " + order.number() + ": Completed");
        Multipart parts = (Multipart) completed.getContent();
        String text = GreenMailUtil.getBody(parts.getBodyPart(0));
        String html = GreenMailUtil.getBody(parts.getBodyPart(1));
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        String link = properties.publicUrl() + "/orders/" + order.id();
        for (String part : List.of(text, html)) {
            assertThat(part).contains(order.number()).contains("Completed").contains(link).contains("Ordino")
                    .doesNotContain("panel-x").doesNotContain("998877");
        }
        assertThat(mails.stream().map(NotificationMailTest::subject)).contains(
                "[Ordino] Order " + order.number() + " received (Pending)", "[Ordino] Order " + order.number() + " paid");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE customer_id = ? AND state = 'sent' AND event <> 'account'")
                .param(customer.id()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aMailServerDownForAWhileThenBackGetsEveryMailExactlyOnce() throws Exception {
        smtp.stop();
        AccountSummary customer = actors.customerWith("5.00");
        List<OrderView> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(place(customer));
        }
        // Placed and paid for each order: ten mails, each tried and failed while the server is down.
        eventually(() -> count(customer.id(), "failed") == 10);
        assertThat(jdbc.sql("SELECT MIN(next_attempt_at) > UTC_TIMESTAMP(6) FROM notification_delivery WHERE customer_id = ?")
                .param(customer.id()).query(Boolean.class).single()).as("each waits for its retry").isTrue();

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // The pause has passed.
        jdbc.sql("UPDATE notification_delivery SET next_attempt_at = UTC_TIMESTAMP(6) WHERE customer_id = ?").param(customer.id()).update();
        job.sendDue();
        job.sendDue();

        eventually(() -> count(customer.id(), "sent") == 10);
        Map<String, Long> bySubject = mailsTo(customer.email()).stream().filter(m -> subject(m).contains("Order"))
                .collect(Collectors.groupingBy(NotificationMailTest::subject, Collectors.counting()));
        assertThat(bySubject).hasSize(10).allSatisfy((subject, times) -> assertThat(times).as(subject).isEqualTo(1));
        for (OrderView order : placed) {
            assertThat(bySubject).containsKey("[Ordino] Order " + order.number() + " paid");
        }
        assertThat(jdbc.sql("SELECT MIN(attempts) FROM notification_delivery WHERE customer_id = ? AND event <> 'account'").param(customer.id())
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBurstOf200OrdersIsMailedFromTheOrdersCommitWithinMoments() throws Exception {
        AccountSummary customer = actors.customerWith("150.00");
        Map<String, Long> committed = new ConcurrentHashMap<>();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        Thread watcher = Thread.ofVirtual().start(() -> {
            int seen = 0;
            while (!Thread.currentThread().isInterrupted()) {
                MimeMessage[] all = smtp.getReceivedMessages();
                long now = System.nanoTime();
                for (int i = seen; i < all.length; i++) {
                    arrived.putIfAbsent(subject(all[i]), now);
                }
                seen = all.length;
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            for (int i = 0; i < 200; i++) {
                OrderView order = place(customer);
                committed.put("[Ordino] Order " + order.number() + " received (Pending)", System.nanoTime());
            }
            eventually(() -> arrived.keySet().containsAll(committed.keySet()));
        } finally {
            watcher.interrupt();
        }
        List<Double> millis = committed.entrySet().stream().map(e -> (arrived.get(e.getKey()) - e.getValue()) / 1e6).sorted().toList();
        double median = millis.get(millis.size() / 2);
        double p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
        Figures.report("[notifications] order commit to the SMTP server, burst of 200 orders (400 mails, pace 20 ms per channel): "
                + "median %.0f ms, p99 %.0f ms, max %.0f ms", median, p99, millis.getLast());
        assertThat(millis).hasSize(200);
    }

    @Test
    void aResetMailCarriesALinkThatWorksOnceAndAnUnknownAddressIsAnsweredAlike() throws Exception {
        AccountSummary customer = actors.customer();
        assertThat(accountTokens.offered()).isTrue();
        accountTokens.requestReset("nobody-" + System.nanoTime() + "@example.com");
        accountTokens.requestReset(customer.email().toUpperCase(java.util.Locale.ROOT));

        eventually(() -> mailsTo(customer.email()).stream().anyMatch(m -> subject(m).contains("Reset your password")));
        MimeMessage mail = mailsTo(customer.email()).stream().filter(m -> subject(m).contains("Reset your password")).findFirst()
                .orElseThrow();
        Multipart parts = (Multipart) mail.getContent();
        String text = GreenMailUtil.getBody(parts.getBodyPart(0));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(properties.publicUrl())
                + "/reset-password\\?token=([A-Za-z0-9_-]{43})").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(1))).contains(link.group(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_token WHERE token_hash = ?").param(link.group(1)).query(Long.class).single())
                .as("only the hash is stored").isZero();

        accountTokens.confirmReset(link.group(1), "a-new-password-1");
        assertThat(accounts.authenticate(customer.email(), "a-new-password-1")).isPresent();
        assertThatThrownBy(() -> accountTokens.confirmReset(link.group(1), "another-password-2"))
                .hasFieldOrPropertyWithValue("code", "invalid_token");
        assertThat(accounts.authenticate(customer.email(), "another-password-2")).isEmpty();
        assertThatThrownBy(() -> accountTokens.confirmReset("made-up", "another-password-2"))
                .hasFieldOrPropertyWithValue("code", "invalid_token");

        accountTokens.requestReset(customer.email());
        Thread.sleep(500);
        assertThat(mailsTo(customer.email()).stream().filter(m -> subject(m).contains("Reset your password")).count())
                .as("one reset mail a minute").isEqualTo(1);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains("Reset your password")).count())
                .as("nothing to the unknown address").isEqualTo(1);
    }

    @Test
    void aNewAccountIsAskedToVerifyItsAddressAndTheLinkVerifiesIt() throws Exception {
        String email = "verify-" + System.nanoTime() + "@example.com";
        AccountSummary created = accounts.register(new dev.ordino.account.Registration(email, "New customer", "password-123"));
        assertThat(created.emailVerified()).isFalse();
        eventually(() -> !mailsTo(email).isEmpty());
        String text = GreenMailUtil.getBody(((Multipart) mailsTo(email).getFirst().getContent()).getBodyPart(0));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]{43})").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        assertThat(accounts.authenticate(email, "password-123")).as("signing in does not wait for it").isPresent();

        accountTokens.verify(link.group(1));
        assertThat(accounts.recipient(created.id()).orElseThrow().emailVerified()).isTrue();
        assertThatThrownBy(() -> accountTokens.verify(link.group(1))).hasFieldOrPropertyWithValue("code", "invalid_token");
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    long count(long customerId, String state) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE customer_id = ? AND state = ? AND event <> 'account'").params(customerId, state)
                .query(Long.class).single();
    }
}
