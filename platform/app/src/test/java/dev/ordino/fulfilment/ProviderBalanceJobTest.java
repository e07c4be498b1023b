package dev.ordino.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.RunningOrdino;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The balance job with the fault-injection provider (job deadline 3 s): providers are asked side by
 * side, so three whose balance() hangs cost the job one deadline, and the healthy one is checked.
 */
@RunningOrdino
class ProviderBalanceJobTest {

    private static final Duration JOB_DEADLINE = Duration.ofSeconds(3);

    @Autowired
    ProviderInstances instances;
    @Autowired
    ProviderJobs jobs;
    @Autowired
    Actors actors;
    @Autowired
    JdbcClient jdbc;

    final List<Long> created = new ArrayList<>();

    long provider(String name, Map<String, String> settings) {
        long id = actors.asAdmin(() -> instances.create(form(name, settings, true)).id());
        created.add(id);
        return id;
    }

    static ProviderForm form(String name, Map<String, String> settings, boolean enabled) {
        return new ProviderForm(name, "provider-faulty", settings, new BigDecimal("50"), 50, enabled, null, "USD", BigDecimal.ONE);
    }

    @AfterEach
    void disableThem() {
        jdbc.sql("UPDATE provider_instance SET enabled = 0 WHERE id IN (:ids)").param("ids", created).update();
        jdbc.sql("DELETE FROM shedlock WHERE name = 'provider-balances'").update();
    }

    @Test
    void providersWhoseBalanceHangsCostTheJobOneDeadlineAndTheHealthyOneIsChecked() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<Long> hanging = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hanging.add(provider("Balance hangs " + i + " " + suffix, Map.of("hang", "balance")));
        }
        long healthy = provider("Balance answers " + suffix, Map.of());

        long begin = System.nanoTime();
        jobs.checkBalances();
        Duration took = Duration.ofNanos(System.nanoTime() - begin);

        // One after another this was three deadlines, and the healthy provider waited behind them.
        assertThat(took).as("balance job took %s", took).isLessThan(JOB_DEADLINE.multipliedBy(2));
        assertThat(jdbc.sql("SELECT balance FROM provider_instance WHERE id = ?").param(healthy).query(BigDecimal.class).single())
                .isEqualByComparingTo("100.00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM provider_instance WHERE id IN (:ids) AND health = 'hanging'").param("ids", hanging)
                .query(Long.class).single()).isEqualTo(3);
    }
}
