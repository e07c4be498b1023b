package dev.ordino.ordering.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import dev.ordino.Actors;
import dev.ordino.Figures;
import dev.ordino.KaribuTest;
import dev.ordino.SecondNode;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.UtcTime;
import dev.ordino.base.live.Change;
import dev.ordino.base.live.ChangeFeed;
import dev.ordino.base.live.LiveChangeCleanup;
import dev.ordino.base.live.LiveUpdates;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderUpdates;
import dev.ordino.ordering.PlaceOrder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two app nodes on one MariaDB (the test's own context is node A, a second one started beside it
 * is node B): an order page open on one node follows changes made through the other within 2 s,
 * through the database change feed (decision 010).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesLiveUpdatesTest extends KaribuTest {

    static final Duration WITHIN = Duration.ofSeconds(2);

    @Autowired
    Actors actors;
    @Autowired
    CatalogService catalog;
    @Autowired
    OrderService orders;
    @Autowired
    OrderAdminService desk;
    @Autowired
    OrderUpdates updates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LiveChangeCleanup cleanup;

    /** Reads of the change feed node B sent to the database, counted where its statements leave for MariaDB. */
    final AtomicInteger feedReadsOnB = new AtomicInteger();
    SecondNode nodeB;

    @BeforeAll
    void startNodeB() {
        nodeB = SecondNode.beside(context, new CountingFeedReads(feedReadsOnB));
    }

    @AfterAll
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private record PlacedOrder(AccountSummary customer, long id) {
    }

    private PlacedOrder placeOrderOnA() {
        AccountSummary customer = actors.customerWith("5.00");
        long offering = catalog.offerings(new OfferingFilter(null, null, "TikTok Followers", false), Pageable.ofSize(5))
                .getContent().stream().filter(o -> o.name().equals("TikTok Followers")).findFirst().orElseThrow().id();
        long id = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(offering, 100L, "https://www.tiktok.com/@x", null)), "wallet"), null)).order().id();
        return new PlacedOrder(customer, id);
    }

    private void changeOnB(long orderId, OrderStatus to, String reason) {
        nodeB.asAdmin(() -> nodeB.bean(OrderAdminService.class).changeStatus(orderId, to, reason, "staff@ordino"));
    }

    private void changeOnA(long orderId, OrderStatus to, String reason) {
        SecondNode.onOwnThread(() -> actors.asAdmin(() -> desk.changeStatus(orderId, to, reason, "staff@ordino")));
    }

    @Test
    void aChangeMadeThroughOneNodeReachesSubscribersOnTheOtherWithinTwoSeconds() throws Exception {
        long order = placeOrderOnA().id();

        BlockingQueue<Long> heardOnA = new LinkedBlockingQueue<>();
        try (AutoCloseable subscription = updates.subscribe(order, heardOnA::add)) {
            changeOnB(order, OrderStatus.PROCESSING, "Sent to provider");
            long committed = System.nanoTime();
            assertThat(heardOnA.poll(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).as("node A hears of node B's change").isEqualTo(order);
            Figures.report("Node B -> node A: heard %d ms after the commit", (System.nanoTime() - committed) / 1_000_000);
        }

        BlockingQueue<Long> heardOnB = new LinkedBlockingQueue<>();
        try (AutoCloseable subscription = nodeB.bean(OrderUpdates.class).subscribe(order, heardOnB::add)) {
            changeOnA(order, OrderStatus.IN_PROGRESS, "Started");
            long committed = System.nanoTime();
            assertThat(heardOnB.poll(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).as("node B hears of node A's change").isEqualTo(order);
            Figures.report("Node A -> node B: heard %d ms after the commit", (System.nanoTime() - committed) / 1_000_000);
        }
    }

    @Test
    void theNodeThatMadeTheChangeHearsOfItAtOnceAndEachNodeOnlyOnce() throws Exception {
        long order = placeOrderOnA().id();
        BlockingQueue<Long> heardOnA = new LinkedBlockingQueue<>();
        AtomicInteger timesOnB = new AtomicInteger();
        try (AutoCloseable onA = updates.subscribe(order, heardOnA::add);
             AutoCloseable onB = nodeB.bean(OrderUpdates.class).subscribe(order, id -> timesOnB.incrementAndGet())) {
            changeOnA(order, OrderStatus.PROCESSING, "Sent to provider");
            // Right after the commit, not at the next read of the feed a second later.
            assertThat(heardOnA.poll(900, TimeUnit.MILLISECONDS)).isEqualTo(order);

            Thread.sleep(2500); // both nodes read the feed twice or more meanwhile
            assertThat(heardOnA).as("node A again, from its own row in the feed").isEmpty();
            assertThat(timesOnB).as("node B").hasValue(1);
        }
    }

    @Test
    void aChangeCommittedAfterALaterOneStillArrives() throws Exception {
        long early = placeOrderOnA().id();
        long late = placeOrderOnA().id();
        BlockingQueue<Long> heardOnA = new LinkedBlockingQueue<>();
        ChangeFeed feedOfB = nodeB.bean(ChangeFeed.class);
        TransactionTemplate transactionOnB = new TransactionTemplate(nodeB.bean(PlatformTransactionManager.class));
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (AutoCloseable first = updates.subscribe(early, heardOnA::add);
             AutoCloseable second = updates.subscribe(late, heardOnA::add)) {
            // A slow transaction on node B records its change first (the lower id) and commits last.
            Thread slow = Thread.ofPlatform().daemon().start(() -> transactionOnB.executeWithoutResult(status -> {
                feedOfB.publish(List.of(new Change("order", early)));
                recorded.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            try {
                assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
                transactionOnB.executeWithoutResult(status -> feedOfB.publish(List.of(new Change("order", late))));
                assertThat(heardOnA.poll(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(late);
                Thread.sleep(1500); // node A reads past the uncommitted id at least once more
            } finally {
                commit.countDown();
                slow.join(Duration.ofSeconds(10));
            }
            assertThat(heardOnA.poll(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(early);
        }
    }

    @Test
    void eachNodeReadsTheFeedAboutOnceASecondHoweverBusy() throws Exception {
        long order = placeOrderOnA().id();
        AtomicInteger heardOnB = new AtomicInteger();
        try (AutoCloseable onB = nodeB.bean(OrderUpdates.class).subscribe(order, id -> heardOnB.incrementAndGet())) {
            int readsBefore = feedReadsOnB.get();
            long start = System.nanoTime();
            // 30 changes on node A over about 6 s
            LiveUpdates nodeA = context.getBean(LiveUpdates.class);
            for (int i = 0; i < 30; i++) {
                nodeA.changed("order", order);
                Thread.sleep(200);
            }
            Thread.sleep(1500);
            double seconds = (System.nanoTime() - start) / 1e9;
            int reads = feedReadsOnB.get() - readsBefore;
            Figures.report("Node B read the feed %d times in %.1f s while node A made 30 changes", reads, seconds);
            assertThat(reads).isBetween(1, (int) Math.ceil(seconds) + 1);
            // several changes read at once reach a page once
            assertThat(heardOnB.get()).as("node B heard of the changes").isBetween(1, 30);
        }
    }

    @Test
    void oldFeedRowsAreDeletedOncePerPeriodWhicheverNodeRunsTheCleanup() {
        Instant now = Instant.now();
        String old = "cleanup-" + System.nanoTime();
        insertRow(old, now.minus(Duration.ofMinutes(11)));
        insertRow(old, now.minus(Duration.ofMinutes(30)));
        insertRow(old, now.minus(Duration.ofMinutes(2)));

        cleanup.deleteOld();
        assertThat(rows(old)).as("only the recent row is kept").isEqualTo(1);

        insertRow(old, now.minus(Duration.ofMinutes(20)));
        nodeB.bean(LiveChangeCleanup.class).deleteOld();
        cleanup.deleteOld();
        assertThat(rows(old)).as("neither node runs it again within the period").isEqualTo(2);
    }

    private void insertRow(String origin, Instant at) {
        jdbc.sql("INSERT INTO live_change (topic, subject_id, origin, created_at) VALUES ('test', 0, ?, ?)")
                .params(origin, UtcTime.column(at)).update();
    }

    private int rows(String origin) {
        return jdbc.sql("SELECT COUNT(*) FROM live_change WHERE origin = ?").param(origin).query(Integer.class).single();
    }

    @Test
    void anOrderPageOpenOnOneNodeShowsAStatusChangeMadeThroughTheOther() throws Exception {
        PlacedOrder order = placeOrderOnA();
        signIn(order.customer());
        UI.getCurrent().navigate("orders/" + order.id());
        OrderDetailView page = _get(OrderDetailView.class);
        assertThat(page.status.getElement().getTextRecursively()).contains("Pending");

        changeOnB(order.id(), OrderStatus.PROCESSING, "Sent to provider");
        long deadline = System.nanoTime() + WITHIN.toNanos();
        // The update arrives from node A's feed reader, as a push would; let it through.
        while (!page.status.getElement().getTextRecursively().contains("Processing") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip(false);
        }

        assertThat(page.status.getElement().getTextRecursively()).contains("Processing");
        assertThat(_find(page.timeline, ListItem.class)).hasSize(2);
        assertThat(page.cancel.isVisible()).isFalse();
    }

    /** Counts the statements that read the change feed, as they leave for the database. */
    static final class CountingFeedReads implements BeanPostProcessor {

        private final AtomicInteger reads;

        CountingFeedReads(AtomicInteger reads) {
            this.reads = reads;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!(bean instanceof DataSource target) || bean instanceof DelegatingDataSource) {
                return bean;
            }
            return new DelegatingDataSource(target) {
                @Override
                public Connection getConnection() throws SQLException {
                    return counting(super.getConnection());
                }

                @Override
                public Connection getConnection(String username, String password) throws SQLException {
                    return counting(super.getConnection(username, password));
                }
            };
        }

        private Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql
                                && sql.contains("FROM live_change WHERE id >")) {
                            reads.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
