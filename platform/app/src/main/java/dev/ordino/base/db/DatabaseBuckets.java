package dev.ordino.base.db;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.modulith.NamedInterface;

/**
 * Bucket4j buckets in a MariaDB table ({@code id VARCHAR PRIMARY KEY, state BLOB, expires_at BIGINT}),
 * one table per feature that limits something (sign-in, the panel API), read and written under
 * {@code SELECT ... FOR UPDATE} in a transaction of their own, so every node sees one state. Bucket4j's
 * own MySQL module does the same but needs MySQL's driver on the class path (it catches one of its
 * exception types); MariaDB reports a deadlock with the standard SQL state instead.
 */
@NamedInterface("db")
public class DatabaseBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

    private static final String DEADLOCK_OR_SERIALIZATION = "40001";

    private final String selectSql;
    private final String insertSql;
    private final String updateSql;
    private final String deleteSql;
    private final String expiredSql;
    private final DataSource dataSource;
    private final ExpirationAfterWriteStrategy expiry;

    /** {@code table} is a constant of the calling feature, never user input. */
    public DatabaseBuckets(DataSource dataSource, String table, ExpirationAfterWriteStrategy expiry) {
        super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(expiry));
        this.dataSource = dataSource;
        this.expiry = expiry;
        this.selectSql = "SELECT state FROM " + table + " WHERE id = ? FOR UPDATE";
        this.insertSql = "INSERT IGNORE INTO " + table + " (id, state) VALUES (?, NULL)";
        this.updateSql = "UPDATE " + table + " SET state = ?, expires_at = ? WHERE id = ?";
        this.deleteSql = "DELETE FROM " + table + " WHERE id = ?";
        this.expiredSql = "SELECT id FROM " + table + " WHERE expires_at < ? LIMIT ? FOR UPDATE SKIP LOCKED";
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
        return new SelectForUpdateBasedTransaction() {
            @Override
            public void begin(Optional<Long> timeout) {
                run(() -> connection.setAutoCommit(false));
            }

            @Override
            public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
                try (PreparedStatement select = connection.prepareStatement(selectSql)) {
                    applyTimeout(select, timeout);
                    select.setString(1, key);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
                    }
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public boolean tryInsertEmptyData(Optional<Long> timeout) {
                try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
                    applyTimeout(insert, timeout);
                    insert.setString(1, key);
                    insert.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (DEADLOCK_OR_SERIALIZATION.equals(e.getSQLState())) {
                        return false; // another node inserted the same bucket at once: Bucket4j tries again
                    }
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
                try (PreparedStatement update = connection.prepareStatement(updateSql)) {
                    applyTimeout(update, timeout);
                    update.setBytes(1, data);
                    long now = currentTimeNanos();
                    update.setLong(2, now / 1_000_000 + expiry.calculateTimeToLiveMillis(state, now));
                    update.setString(3, key);
                    update.executeUpdate();
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void commit(Optional<Long> timeout) {
                run(connection::commit);
            }

            @Override
            public void rollback() {
                run(connection::rollback);
            }

            @Override
            public void release() {
                run(connection::close);
            }
        };
    }

    @Override
    public void removeProxy(String key) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(deleteSql)) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    /**
     * Deletes at most {@code batch} buckets that are full again (a missing bucket is a full one),
     * skipping any that another request holds, so a limited request never waits for the clean-up.
     */
    public int removeExpired(int batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(expiredSql);
                 PreparedStatement delete = connection.prepareStatement(deleteSql)) {
                select.setLong(1, currentTimeNanos() / 1_000_000);
                select.setInt(2, batch);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        delete.setString(1, rows.getString(1));
                        delete.addBatch();
                    }
                }
                int removed = Arrays.stream(delete.executeBatch()).sum();
                connection.commit();
                return removed;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    private interface Sql {
        void run() throws SQLException;
    }

    private static void run(Sql sql) {
        try {
            sql.run();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }
}
