package dev.ordino.base.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This running application node as the other nodes see it: a row of {@code app_node}, written at
 * start with an id made for this start, and refreshed every {@code ordino.nodes.heartbeat} (5 s) by
 * every node, on a thread of its own and under no job lock: each node speaks only for itself. Work a
 * node claims (a provider line being sent) records its id; once the node has missed its heartbeat for
 * {@code ordino.nodes.dead-after} (three periods) the others settle its claims at once instead of
 * waiting for the longest time a call may take (decision 009).
 *
 * <p>Times are the database's, so the nodes' own clocks never need to agree. A node that stops
 * cleanly deletes its row after its work has finished (this bean is destroyed after the ones that
 * claim work), and rows not refreshed for a day are deleted by whichever node is running.
 */
@Component
public class AppNode implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AppNode.class);
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final Duration CLEAN_EVERY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Duration heartbeat;
    private final Duration deadAfter;
    private final String id = UUID.randomUUID().toString();
    private final String host = hostName();
    private final long pid = ProcessHandle.current().pid();
    private final String name;
    private ScheduledExecutorService beating;
    private long lastCleaned;
    private boolean failing;

    AppNode(JdbcClient jdbc, @Value("${ordino.nodes.heartbeat:PT5S}") Duration heartbeat,
            @Value("${ordino.nodes.dead-after:}") Duration deadAfter, @Value("${ordino.nodes.name:}") String name) {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("ordino.nodes.heartbeat must be positive");
        }
        this.jdbc = jdbc;
        this.heartbeat = heartbeat;
        this.deadAfter = deadAfter == null ? heartbeat.multipliedBy(3) : deadAfter;
        this.name = name == null || name.isBlank() ? host + ":" + pid : name.strip();
    }

    /** Made at each start: a restarted node is a new node, and its earlier claims are those of a dead one. */
    public String id() {
        return id;
    }

    /**
     * A condition, for a query's {@code WHERE}, true when the node whose id is in {@code column} is not
     * alive: its row is gone (it stopped, or was forgotten) or it missed its heartbeat for
     * {@code dead-after}. {@code column} must be a column name, never user input.
     */
    public String goneCondition(String column) {
        return "NOT EXISTS (SELECT 1 FROM app_node alive WHERE alive.id = " + column
                + " AND alive.heartbeat_at >= UTC_TIMESTAMP(6) - INTERVAL " + deadAfter.toNanos() / 1000 + " MICROSECOND)";
    }

    @Override
    public void afterPropertiesSet() {
        // Registered before any bean that claims work exists: a claim never names a node without a row.
        jdbc.sql("INSERT INTO app_node (id, name, host, pid, started_at, heartbeat_at) "
                        + "VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
                .params(id, cut(name), cut(host), pid).update();
        // An earlier start of a node with the same configured name is over: its claims are settled at once.
        if (!configuredName().isEmpty()) {
            jdbc.sql("UPDATE app_node SET heartbeat_at = '2000-01-01' WHERE name = ? AND id <> ?").params(cut(name), id).update();
        }
        forgetOld();
        beating = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("node-heartbeat").daemon().factory());
        long period = heartbeat.toMillis();
        beating.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
        log.info("Node {} ({}) registered; heartbeat every {}, dead after {}", id, name, heartbeat, deadAfter);
    }

    /** Only a name set by configuration is shared by the starts of one node; the default one differs at each start. */
    private String configuredName() {
        return name.equals(host + ":" + pid) ? "" : name;
    }

    private void beat() {
        try {
            // Recreates the row if someone forgot it while this node could not reach the database.
            jdbc.sql("INSERT INTO app_node (id, name, host, pid, started_at, heartbeat_at) "
                            + "VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)) "
                            + "ON DUPLICATE KEY UPDATE heartbeat_at = UTC_TIMESTAMP(6)")
                    .params(id, cut(name), cut(host), pid).update();
            if (System.nanoTime() - lastCleaned > CLEAN_EVERY.toNanos()) {
                forgetOld();
            }
            if (failing) {
                log.info("Node heartbeat written again");
                failing = false;
            }
        } catch (DataAccessException | IllegalStateException e) {
            if (!failing) {
                log.warn("Node heartbeat not written (other nodes take this node for dead after {}): {}", deadAfter, e.getMessage());
                failing = true;
            }
        }
    }

    private void forgetOld() {
        lastCleaned = System.nanoTime();
        jdbc.sql("DELETE FROM app_node WHERE heartbeat_at < UTC_TIMESTAMP(6) - INTERVAL " + FORGET_AFTER.toSeconds() + " SECOND").update();
    }

    /** After the beans that claim work have finished theirs: whatever this node still holds is settled by the others at once. */
    @Override
    public void destroy() throws InterruptedException {
        if (beating != null) {
            beating.shutdownNow();
            beating.awaitTermination(5, TimeUnit.SECONDS);
        }
        try {
            jdbc.sql("DELETE FROM app_node WHERE id = ?").param(id).update();
        } catch (DataAccessException | IllegalStateException e) {
            log.warn("Node row not removed at stop (it is taken for dead after {}): {}", deadAfter, e.getMessage());
        }
    }

    private static String cut(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }

    private static String hostName() {
        String named = System.getenv("HOSTNAME");
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
