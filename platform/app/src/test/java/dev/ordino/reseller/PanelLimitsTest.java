package dev.ordino.reseller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Panel API limits and the call log on the real database, as several nodes share them. */
@OrdinoTest
class PanelLimitsTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CallLog calls;
    @Autowired
    ApiKeys keys;
    @Autowired
    Actors actors;

    @Test
    void anAddressOverItsLimitIsRefusedByEveryNode() {
        PanelLimits nodeA = new PanelLimits(dataSource, 1000, 3);
        PanelLimits nodeB = new PanelLimits(dataSource, 1000, 3);
        String address = "198.18.0." + UUID.randomUUID();
        assertThat(nodeA.allowFrom(address)).isTrue();
        assertThat(nodeB.allowFrom(address)).isTrue();
        assertThat(nodeA.allowFrom(address)).isTrue();
        assertThat(nodeB.allowFrom(address)).as("the fourth call, on the other node").isFalse();
        assertThat(nodeA.allowFrom("198.18.1." + UUID.randomUUID())).as("another address has its own bucket").isTrue();
    }

    @Test
    void callsOlderThanThirtyDaysAreDeletedAndNewerOnesKept() {
        AccountSummary customer = actors.customer();
        long key = actors.as(customer, () -> keys.create(customer.id(), "log", List.of())).id();
        jdbc.update("INSERT INTO api_call (key_id, user_id, action, result, address, called_at) VALUES (?, ?, 'status', 'ok', '127.0.0.1', ?)",
                key, customer.id(), Timestamp.from(Instant.now().minus(Duration.ofDays(31))));
        calls.record(key, customer.id(), "balance", "ok", "127.0.0.1");

        assertThat(calls.removeOld()).isGreaterThanOrEqualTo(1);
        List<CallLog.Call> left = actors.as(customer, () -> calls.latest(customer.id()));
        assertThat(left).extracting(CallLog.Call::action).containsExactly("balance");
    }
}
