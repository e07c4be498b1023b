package dev.ordino.base.events;

import static dev.ordino.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.PlaceOrder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Publications a dead node left unfinished are delivered again, by exactly one node, and a
 * listener that runs twice does not repeat itself. Two replay components over one database stand
 * for two nodes: the claim they race for is the database's.
 */
@OrdinoTest
class PublicationReplayTest {

    /** What the notify-log channel wrote, read from its own logger (the console may not carry it once another context closed). */
    final Queue<String> channelLog = new ConcurrentLinkedQueue<>();
    final Logger channelLogger = Logger.getLogger("plugin.notify-log");
    final Handler channelLogHandler = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            channelLog.add(format.formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listenToTheChannel() {
        channelLogger.setLevel(Level.INFO);
        channelLogger.addHandler(channelLogHandler);
    }

    @AfterEach
    void stopListening() {
        channelLogger.removeHandler(channelLogHandler);
    }

    @Autowired
    Actors actors;
    @Autowired
    OrderService orders;
    @Autowired
    CatalogService catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncompleteEventPublications publications;
    @Autowired
    Clock clock;

    PublicationReplay node() {
        return new PublicationReplay(jdbc, publications, clock, Duration.ofMinutes(1));
    }

    /** Places orders and waits until the notifications of each were recorded; answers the order ids. */
    List<Long> placedAndNotified(int count) throws InterruptedException {
        AccountSummary customer = actors.customerWith("20.00");
        long product = catalog.offerings(new OfferingFilter("tiktok", null, "Followers", false), Pageable.ofSize(1)).getContent()
                .getFirst().id();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                    new PlaceOrder.Line(product, 100L, "https://www.tiktok.com/@x", null)), "wallet"), null)).order().id());
        }
        eventually(() -> ids.stream().allMatch(id -> "COMPLETED".equals(status(id))));
        return ids;
    }

    String status(long orderId) {
        return jdbc.sql("SELECT STATUS FROM EVENT_PUBLICATION WHERE LISTENER_ID LIKE '%NotificationRecorder%' AND EVENT_TYPE LIKE '%OrderPlaced' AND SERIALIZED_EVENT LIKE ?")
                .param("%\"orderId\":" + orderId + ",%").query(String.class).optional().orElse(null);
    }

    int attempts(long orderId) {
        return jdbc.sql("SELECT COMPLETION_ATTEMPTS FROM EVENT_PUBLICATION WHERE LISTENER_ID LIKE '%NotificationRecorder%' AND EVENT_TYPE LIKE '%OrderPlaced' AND SERIALIZED_EVENT LIKE ?")
                .param("%\"orderId\":" + orderId + ",%").query(Integer.class).single();
    }

    /**
     * What a node that died after the commit, before its listener finished, leaves behind
     * (Modulith writes the publication date into the last resubmission date too, and counts one attempt).
     */
    void leftUnfinished(long orderId, Duration ago) {
        Timestamp then = Timestamp.from(clock.instant().minus(ago));
        jdbc.sql("UPDATE EVENT_PUBLICATION SET COMPLETION_DATE = NULL, STATUS = 'PROCESSING', PUBLICATION_DATE = ?, "
                        + "LAST_RESUBMISSION_DATE = ?, COMPLETION_ATTEMPTS = 1 WHERE LISTENER_ID LIKE '%NotificationRecorder%' AND EVENT_TYPE LIKE '%OrderPlaced' AND SERIALIZED_EVENT LIKE ?")
                .params(then, then, "%\"orderId\":" + orderId + ",%").update();
    }

    int sent(long orderId) {
        Pattern message = Pattern.compile("notification order_placed:" + orderId + ":staff to staff");
        return (int) channelLog.stream().filter(line -> message.matcher(line).find()).count();
    }

    @Test
    void publicationsLeftUnfinishedAreDeliveredByExactlyOneOfTwoNodes() throws Exception {
        List<Long> ids = placedAndNotified(8);
        for (long id : ids) {
            eventually(() -> sent(id) == 1); // the first delivery went out before the node died
        }
        for (long id : ids) {
            leftUnfinished(id, Duration.ofMinutes(5));
            // The node died before any channel carried the message.
            jdbc.sql("DELETE FROM notification_delivery WHERE message_id = ?").param("order_placed:" + id + ":staff").update();
        }

        PublicationReplay one = node();
        PublicationReplay two = node();
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> await(start, one::replayLost));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> await(start, two::replayLost));
        start.countDown();
        assertThat(first.get() + second.get()).isGreaterThanOrEqualTo(ids.size());

        eventually(() -> ids.stream().allMatch(id -> "COMPLETED".equals(status(id))));
        for (long id : ids) {
            assertThat(attempts(id)).as("the first delivery and one replay of order %d", id).isEqualTo(2);
            eventually(() -> sent(id) == 2); // the first delivery, then the replay's
        }
        // Nothing is left to replay: neither node claims anything again.
        one.replayLost();
        two.replayLost();
        assertThat(ids.stream().mapToInt(this::attempts).sum()).isEqualTo(2 * ids.size());
    }

    @Test
    void aPublicationStillYoungIsLeftToTheNodeWorkingOnIt() throws Exception {
        long id = placedAndNotified(1).getFirst();
        leftUnfinished(id, Duration.ofSeconds(5));

        node().replayLost();
        assertThat(status(id)).isEqualTo("PROCESSING");
        assertThat(attempts(id)).as("not replayed").isEqualTo(1);

        leftUnfinished(id, Duration.ofMinutes(5));
        node().replayLost();
        eventually(() -> "COMPLETED".equals(status(id)));
    }

    @Test
    void aReplayedNotificationIsNotSentAgainThroughAChannelThatCarriedIt() throws Exception {
        long id = placedAndNotified(1).getFirst();
        eventually(() -> sent(id) == 1);
        leftUnfinished(id, Duration.ofMinutes(5)); // the node died after sending, before the publication was marked complete

        node().replayLost();
        eventually(() -> "COMPLETED".equals(status(id)));
        assertThat(attempts(id)).as("replayed").isEqualTo(2);
        assertThat(sent(id)).isEqualTo(1);
    }

    private static int await(CountDownLatch start, IntSupplier task) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return task.getAsInt();
    }
}
