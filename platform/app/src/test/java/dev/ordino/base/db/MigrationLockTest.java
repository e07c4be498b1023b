package dev.ordino.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.OrdinoTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Liquibase's lock dies with the connection that holds it: a node that crashes while migrating
 * never leaves the schema locked for the others, and two nodes starting together still migrate
 * one after the other.
 */
@OrdinoTest
class MigrationLockTest {

    @Autowired
    DataSource dataSource;

    @Autowired(required = false)
    EmbeddedMariaDb embedded;

    @Test
    void aLockRowLeftByACrashedMigrationDoesNotStopTheNextStart() throws Exception {
        try (FreshDatabase database = FreshDatabase.create("ordino_lockrow_", dataSource, embedded)) {
            JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
            // What Liquibase's table lock leaves behind when its process dies mid-migration.
            jdbc.execute("CREATE TABLE DATABASECHANGELOGLOCK (ID INT NOT NULL PRIMARY KEY, LOCKED BIT(1) NOT NULL,"
                    + " LOCKGRANTED DATETIME NULL, LOCKEDBY VARCHAR(255) NULL)");
            jdbc.update("INSERT INTO DATABASECHANGELOGLOCK VALUES (1, 1, NOW(), 'node-a (10.0.0.7)')");

            migrate(database);

            assertThat(database.tables()).contains("app_user", "customer_order", "ledger_entry");
        }
    }

    @Test
    void aSecondNodeWaitsForTheMigrationAndGoesOnWhenTheFirstNodeDies() throws Exception {
        ExecutorService secondNode = Executors.newSingleThreadExecutor();
        try (FreshDatabase database = FreshDatabase.create("ordino_locksession_", dataSource, embedded);
             Connection firstNode = database.dataSource().getConnection()) {
            Database first = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(firstNode));
            LockService lock = LockServiceFactory.getInstance().getLockService(first);
            assertThat(lock.acquireLock()).isTrue();

            Future<?> migration = secondNode.submit(() -> {
                migrate(database);
                return null;
            });
            assertThatThrownBy(() -> migration.get(8, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(database.tables()).doesNotContain("app_user");

            long session;
            try (Statement statement = firstNode.createStatement(); ResultSet id = statement.executeQuery("SELECT CONNECTION_ID()")) {
                id.next();
                session = id.getLong(1);
            }
            // The first node crashes: its session ends without releasing anything.
            new JdbcTemplate(database.dataSource()).execute("KILL " + session);

            migration.get(45, TimeUnit.SECONDS);
            assertThat(database.tables()).contains("app_user", "customer_order", "ledger_entry");
        } finally {
            secondNode.shutdownNow();
        }
    }

    @Test
    void twoNodesMigratingTogetherApplyEachChangeSetOnce() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try (FreshDatabase database = FreshDatabase.create("ordino_lockrace_", dataSource, embedded)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                runs.add(nodes.submit(() -> {
                    migrate(database);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
            JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
            Long applied = jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Long.class);
            Long distinct = jdbc.queryForObject("SELECT COUNT(DISTINCT ID, AUTHOR, FILENAME) FROM DATABASECHANGELOG", Long.class);
            assertThat(applied).isPositive().isEqualTo(distinct);
        } finally {
            nodes.shutdownNow();
        }
    }

    /** A node's start-up migration, giving up after a minute instead of Liquibase's five. */
    private static void migrate(FreshDatabase database) throws Exception {
        Scope.child(Map.of(GlobalConfiguration.CHANGELOGLOCK_WAIT_TIME.getKey(), 1L), database::migrate);
    }
}
