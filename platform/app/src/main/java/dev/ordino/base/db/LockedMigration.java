package dev.ordino.base.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;

/**
 * The start-up migration under one MariaDB {@code GET_LOCK} per database, held on a connection of
 * its own for the whole run and gone with that connection if the node dies. Liquibase's own lock
 * (the session lock, decision 011) starts only after Liquibase has set up its changelog table, so
 * two nodes starting together on an empty database could both try to create it; this lock covers
 * that step too.
 */
public class LockedMigration extends SpringLiquibase {

    /** A migration can be long (a big table altered); past this a waiting node gives up with a clear message. */
    static final int WAIT_SECONDS = 900;

    @Override
    public void afterPropertiesSet() throws LiquibaseException {
        DataSource dataSource = getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            String name = lockName(connection);
            acquire(connection, name);
            try {
                super.afterPropertiesSet();
            } finally {
                release(connection, name);
            }
        } catch (SQLException e) {
            throw new LiquibaseException("Cannot take the migration lock: " + e.getMessage(), e);
        }
    }

    private static String lockName(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT DATABASE()"); ResultSet row = statement.executeQuery()) {
            row.next();
            String name = "ordino-migration:" + row.getString(1);
            return name.length() > 64 ? name.substring(0, 64) : name; // MariaDB's limit for lock names
        }
    }

    private static void acquire(Connection connection, String name) throws SQLException, LiquibaseException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            statement.setString(1, name);
            statement.setInt(2, WAIT_SECONDS);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next() || row.getInt(1) != 1) {
                    throw new LiquibaseException("Another node has been migrating the database for " + WAIT_SECONDS
                            + " s; try again when it has finished");
                }
            }
        }
    }

    private static void release(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, name);
            statement.executeQuery().close();
        }
    }
}
