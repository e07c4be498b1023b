package dev.ordino.security;

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

/**
 * Bucket4j buckets in the MariaDB table {@code sign_in_bucket}, read and written under
 * {@code SELECT ... FOR UPDATE} in a transaction of their own, so every node sees one state. Bucket4j's
 * own MySQL module does the same but needs MySQL's driver on the class path (it catches one of its
 * exception types); MariaDB reports a deadlock with the standard SQL state instead.
 */
class SignInBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

    private static final String SELECT = "SELECT state FROM sign_in_bucket WHERE id = ? FOR UPDATE";
    private static final String INSERT = "INSERT IGNORE INTO sign_in_bucket (id, state) VALUES (?, NULL)";
    private static final String UPDATE = "UPDATE sign_in_bucket SET state = ?, expires_at = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM sign_in_bucket WHERE id = ?";
    private static final String SELECT_EXPIRED = "SELECT id FROM sign_in_bucket WHERE expires_at < ? LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String DEADLOCK_OR_SERIALIZATION = "40001";

    private final DataSource dataSource;
    private final ExpirationAfterWriteStrategy expiry;

    SignInBuckets(DataSource dataSource, ExpirationAfterWriteStrategy expiry) {
        super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(expiry));
        this.dataSource = dataSource;
        this.expiry = expiry;
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
                try (PreparedStatement select = connection.prepareStatement(SELECT)) {
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
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
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
                try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
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
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(DELETE)) {
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
     * skipping any that another request holds, so a sign-in never waits for the clean-up.
     */
    int removeExpired(int batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(SELECT_EXPIRED);
                 PreparedStatement delete = connection.prepareStatement(DELETE)) {
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
