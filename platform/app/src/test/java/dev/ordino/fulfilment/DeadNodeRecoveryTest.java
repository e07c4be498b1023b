package dev.ordino.fulfilment;

import static dev.ordino.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.UtcTime;
import dev.ordino.base.cluster.AppNode;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.PlaceOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A line caught mid-call on a node that died goes to staff attention at the next recovery, not after
 * the longest time a call may take; a line being sent by a live node is left alone until its call is
 * past the job deadline. Lines are put in the state a node leaves them in: {@code submitting},
 * claimed by some node.
 */
@OrdinoTest
class DeadNodeRecoveryTest {

    @Autowired
    ProviderInstances instances;
    @Autowired
    ProviderCatalog catalog;
    @Autowired
    ProviderSubmission submission;
    @Autowired
    OrderService orders;
    @Autowired
    AppNode thisNode;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Actors actors;

    FakeSmmPanel panel;
    long offeringId;
    AccountSummary customer;

    @BeforeEach
    void providerBackedOffering() throws Exception {
        panel = new FakeSmmPanel();
        panel.service("71", "IG Saves", "Instagram Saves", "1.00", 100, 100_000, false, false);
        ProviderForm form = new ProviderForm("Liveness panel " + UUID.randomUUID(), "provider-smm-v2",
                Map.of("url", panel.url(), "key", FakeSmmPanel.KEY, "timeoutSeconds", "1"),
                new BigDecimal("50"), 10, true, new BigDecimal("50"), "USD", BigDecimal.ONE);
        long providerId = actors.asAdmin(() -> instances.create(form).id());
        offeringId = actors.asAdmin(() -> catalog.importServices(providerId, List.of("71"), false, null)).getFirst().offeringId();
        customer = actors.customerWith("50.00");
    }

    @AfterEach
    void stopPanel() {
        panel.close();
        jdbc.sql("DELETE FROM app_node WHERE name LIKE 'liveness-test-%'").update();
    }

    /** A sent line, put back as a node leaves it while its call runs: submitting, claimed by {@code node}, touched {@code ago}. */
    long lineInFlight(String node, Duration ago) throws Exception {
        long orderId = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(offeringId, 100L, "https://www.instagram.com/p/" + UUID.randomUUID(), null)), "wallet"), null))
                .order().id();
        eventually(() -> "open".equals(state(orderId)));
        jdbc.sql("UPDATE provider_order SET state = 'submitting', claimed_by = ?, updated_at = ? WHERE order_id = ?")
                .params(node, UtcTime.column(Instant.now().minus(ago)), orderId).update();
        return orderId;
    }

    String state(long orderId) {
        return jdbc.sql("SELECT state FROM provider_order WHERE order_id = ?").param(orderId).query(String.class).optional().orElse(null);
    }

    void node(String id, Duration sinceHeartbeat) {
        jdbc.sql("INSERT INTO app_node (id, name, host, pid, started_at, heartbeat_at) VALUES (?, ?, 'test-host', 1, "
                        + "UTC_TIMESTAMP(6) - INTERVAL 1 HOUR, UTC_TIMESTAMP(6) - INTERVAL ? MICROSECOND)")
                .params(id, "liveness-test-" + id, sinceHeartbeat.toNanos() / 1000).update();
    }

    @Test
    void aLineBeingSentByADeadNodeGoesToAttentionAtOnceAndOnesOfLiveNodesStay() throws Exception {
        String dead = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        node(dead, Duration.ofMinutes(1)); // missed twelve heartbeats
        node(live, Duration.ofSeconds(1));
        String stopped = UUID.randomUUID().toString(); // stopped cleanly, or forgotten: no row at all

        long ofDeadNode = lineInFlight(dead, Duration.ofSeconds(5));
        long ofStoppedNode = lineInFlight(stopped, Duration.ofSeconds(5));
        long ofLiveNode = lineInFlight(live, Duration.ofSeconds(5));
        long ofThisNode = lineInFlight(thisNode.id(), Duration.ofSeconds(5));

        submission.recoverStuck();

        assertThat(state(ofDeadNode)).isEqualTo("unknown");
        assertThat(state(ofStoppedNode)).isEqualTo("unknown");
        assertThat(jdbc.sql("SELECT attention_reason FROM provider_order WHERE order_id = ?").param(ofDeadNode).query(String.class)
                .single()).contains("the provider may have the order");
        assertThat(state(ofLiveNode)).as("a live node's call may still be running").isEqualTo("submitting");
        assertThat(state(ofThisNode)).isEqualTo("submitting");
        assertThat(panel.count("add")).as("nothing resent").isEqualTo(4);
    }

    @Test
    void aLiveNodesLineIsStuckOnlyOnceItsCallIsPastTheJobDeadline() throws Exception {
        String live = UUID.randomUUID().toString();
        node(live, Duration.ofSeconds(1));
        // The job deadline is 90 s by default: a call running for a minute is still within it, one of two minutes is abandoned.
        long withinDeadline = lineInFlight(live, Duration.ofSeconds(60));
        long pastDeadline = lineInFlight(live, Duration.ofMinutes(2));

        submission.recoverStuck();

        assertThat(state(withinDeadline)).isEqualTo("submitting");
        assertThat(state(pastDeadline)).as("stuck after the deadline and a margin, not after ten minutes").isEqualTo("unknown");
    }
}
