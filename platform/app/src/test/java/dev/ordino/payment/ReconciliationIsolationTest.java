package dev.ordino.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.RunningOrdino;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.alerts.AdminAlerts;
import dev.ordino.e2e.Api;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reconciliation with the fault-injection gateway (job deadline 3 s): gateways are asked side by
 * side, a hanging one costs the run one deadline however many payments wait at it, the others are
 * settled meanwhile, and staff get an alert while it hangs, resolved by its next good answer.
 */
@RunningOrdino
class ReconciliationIsolationTest {

    private static final Duration JOB_DEADLINE = Duration.ofSeconds(3);

    @LocalServerPort
    int port;
    @Autowired
    GatewayInstances gateways;
    @Autowired
    Payments payments;
    @Autowired
    WalletService wallet;
    @Autowired
    AdminAlerts alerts;
    @Autowired
    Actors actors;
    @Autowired
    JdbcClient jdbc;

    long gateway(String name, Map<String, String> settings) {
        return actors.asAdmin(() -> gateways.create(new GatewayInstances.GatewayForm(name, "gateway-faulty", settings, true)).id());
    }

    /** A top-up started long enough ago to be reconciled. */
    long staleTopUp(AccountSummary customer, long gatewayId, String amount) {
        long id = actors.as(customer, () -> payments.startTopUp(customer.id(), customer.email(), new BigDecimal(amount), gatewayId)).id();
        jdbc.sql("UPDATE payment SET created_at = UTC_TIMESTAMP(6) - INTERVAL 1 HOUR WHERE id = ?").param(id).update();
        return id;
    }

    String health(long gatewayId) {
        return jdbc.sql("SELECT health FROM gateway_instance WHERE id = ?").param(gatewayId).query(String.class).single();
    }

    boolean alertOpen(long gatewayId) {
        return alerts.open().stream().anyMatch(a -> a.key().equals("gateway-health:" + gatewayId));
    }

    @Test
    void aHangingGatewayCostsReconciliationOneDeadlineAndTheOthersAreSettledMeanwhile() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long hanging = gateway("Hanging gateway " + suffix, Map.of("hang", "status"));
        long alsoHanging = gateway("Another hanging gateway " + suffix, Map.of("hang", "status"));
        long healthy = gateway("Healthy gateway " + suffix, Map.of("paid", "25.00"));
        AccountSummary customer = actors.customerWith("0");
        for (int i = 0; i < 3; i++) {
            staleTopUp(customer, hanging, "10.00");
            staleTopUp(customer, alsoHanging, "10.00");
        }
        long paid = staleTopUp(customer, healthy, "25.00");

        long begin = System.nanoTime();
        int settled = payments.reconcile();
        Duration took = Duration.ofNanos(System.nanoTime() - begin);

        // One after another, this was six deadlines (18 s) before the healthy gateway was even asked.
        assertThat(took).as("reconciliation took %s", took).isLessThan(JOB_DEADLINE.multipliedBy(2));
        assertThat(settled).isGreaterThanOrEqualTo(1);
        assertThat(actors.asAdmin(() -> payments.get(paid)).status()).isEqualTo("paid");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("25.00");
        assertThat(health(hanging)).isEqualTo("hanging");
        assertThat(health(alsoHanging)).isEqualTo("hanging");
        assertThat(alertOpen(hanging)).as("staff alerted").isTrue();
        assertThat(alertOpen(healthy)).isFalse();

        // The gateway answers again: the next run clears its health and the alert.
        actors.asAdmin(() -> gateways.update(hanging, new GatewayInstances.GatewayForm("Hanging gateway " + suffix, "gateway-faulty",
                Map.of(), true)));
        payments.reconcile();
        assertThat(health(hanging)).isEqualTo("ok");
        assertThat(alertOpen(hanging)).as("resolved").isFalse();
        assertThat(alertOpen(alsoHanging)).isTrue();
        // Leave nothing for other tests' reconciliation to wait on.
        actors.asAdmin(() -> gateways.update(alsoHanging, new GatewayInstances.GatewayForm("Another hanging gateway " + suffix,
                "gateway-faulty", Map.of(), false)));
        jdbc.sql("UPDATE payment SET status = 'failed' WHERE gateway_id = ? AND status = 'pending'").param(alsoHanging).update();
    }

    @Test
    void aProviderOrGatewayWithNoSettingValuesCanBeCreated() throws Exception {
        Api api = new Api(port);
        String admin = api.token(Actors.ADMIN_EMAIL, Actors.ADMIN_PASSWORD);
        HttpResponse<String> gateway = api.post("/v1/admin/gateways", admin,
                "{\"name\":\"Bare gateway " + UUID.randomUUID() + "\",\"plugin\":\"gateway-faulty\",\"settings\":{},\"enabled\":false}");
        assertThat(gateway.statusCode()).as(gateway.body()).isEqualTo(201);
        assertThat(api.get("/v1/admin/gateways", admin).body()).contains(Api.field(gateway.body(), "name"));

        HttpResponse<String> provider = api.post("/v1/admin/providers", admin,
                "{\"name\":\"Bare provider " + UUID.randomUUID() + "\",\"plugin\":\"provider-faulty\",\"settings\":{},\"priority\":50,\"enabled\":false}");
        assertThat(provider.statusCode()).as(provider.body()).isEqualTo(201);
        HttpResponse<String> changed = api.put("/v1/admin/providers/" + Api.field(provider.body(), "id"), admin,
                "{\"name\":\"Bare provider changed " + UUID.randomUUID() + "\",\"plugin\":\"provider-faulty\",\"priority\":50,\"enabled\":false}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }
}
