package dev.ordino.base.cluster;

import static dev.ordino.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.OrdinoTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every node says it is alive: a row at start, a heartbeat every period, the row gone when it stops;
 * rows not seen for a day are forgotten; a new start of a node with a configured name ends the earlier one.
 */
@OrdinoTest
class AppNodeTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AppNode running;

    @AfterEach
    void forgetTestNodes() {
        jdbc.sql("DELETE FROM app_node WHERE name LIKE 'node-test-%' OR host = 'old-host'").update();
    }

    LocalDateTime heartbeat(String id) {
        return jdbc.sql("SELECT heartbeat_at FROM app_node WHERE id = ?").param(id).query(LocalDateTime.class).optional().orElse(null);
    }

    boolean alive(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM app_node WHERE id = ? AND NOT " + running.goneCondition("?"))
                .params(id, id).query(Long.class).single() == 1;
    }

    @Test
    void aNodeBeatsWhileItRunsAndIsGoneOnceItStops() throws Exception {
        AppNode node = new AppNode(jdbc, Duration.ofMillis(200), null, "node-test-" + UUID.randomUUID());
        node.afterPropertiesSet();
        try {
            LocalDateTime first = heartbeat(node.id());
            assertThat(first).isNotNull();
            assertThat(alive(node.id())).isTrue();
            eventually(() -> heartbeat(node.id()).isAfter(first));
            assertThat(jdbc.sql("SELECT pid FROM app_node WHERE id = ?").param(node.id()).query(Long.class).single())
                    .isEqualTo(ProcessHandle.current().pid());
        } finally {
            node.destroy();
        }
        assertThat(heartbeat(node.id())).isNull();
        assertThat(alive(node.id())).isFalse();
    }

    @Test
    void aNodeThatMissesItsHeartbeatsIsDeadAndOneUnseenForADayIsForgotten() throws Exception {
        String missed = UUID.randomUUID().toString();
        String unseen = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO app_node (id, name, host, pid, started_at, heartbeat_at) VALUES "
                + "(?, 'node-test-missed', 'old-host', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) - INTERVAL 20 SECOND), "
                + "(?, 'node-test-unseen', 'old-host', 2, UTC_TIMESTAMP(6) - INTERVAL 3 DAY, UTC_TIMESTAMP(6) - INTERVAL 25 HOUR)")
                .params(missed, unseen).update();
        assertThat(alive(missed)).as("three heartbeats of 5 s missed").isFalse();
        assertThat(alive(running.id())).isTrue();

        AppNode starting = new AppNode(jdbc, Duration.ofSeconds(5), null, "node-test-" + UUID.randomUUID());
        starting.afterPropertiesSet();
        starting.destroy();
        assertThat(heartbeat(unseen)).as("forgotten").isNull();
        assertThat(heartbeat(missed)).as("kept for staff until a day has passed").isNotNull();
    }

    @Test
    void aNewStartOfANamedNodeEndsItsEarlierStartAtOnce() throws Exception {
        String name = "node-test-" + UUID.randomUUID();
        AppNode before = new AppNode(jdbc, Duration.ofSeconds(5), null, name);
        before.afterPropertiesSet();
        AppNode after = new AppNode(jdbc, Duration.ofSeconds(5), null, name);
        try {
            assertThat(alive(before.id())).isTrue();
            after.afterPropertiesSet();
            assertThat(alive(before.id())).as("the earlier start of the same node").isFalse();
            assertThat(alive(after.id())).isTrue();
        } finally {
            after.destroy();
            before.destroy();
        }
    }
}
