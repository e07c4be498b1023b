package dev.ordino.base.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A new, empty database on the server the tests use (the embedded one, or {@code ORDINO_TEST_DB_URL}),
 * reached with the same account as the application; dropped on close.
 */
final class FreshDatabase implements AutoCloseable {

    private final DataSource admin;
    private final String name;
    private final String url;
    private final String username;
    private final String password;

    private FreshDatabase(DataSource admin, String name, String url, String username, String password) {
        this.admin = admin;
        this.name = name;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** {@code embedded} is the context's embedded server, or {@code null} with an external one. */
    static FreshDatabase create(String prefix, DataSource admin, EmbeddedMariaDb embedded) throws SQLException {
        String name = prefix + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            String url = connection.getMetaData().getURL().replace("/" + connection.getCatalog(), "/" + name);
            String username = embedded != null ? embedded.username()
                    : connection.getMetaData().getUserName().replaceAll("@.*", "");
            String password = embedded != null ? embedded.password() : System.getenv().getOrDefault("ORDINO_TEST_DB_PASSWORD", "");
            statement.execute("CREATE DATABASE " + name);
            return new FreshDatabase(admin, name, url, username, password);
        }
    }

    String name() {
        return name;
    }

    /** A new connection on each call, as separate application nodes would have. */
    DataSource dataSource() {
        return new DriverManagerDataSource(url, username, password);
    }

    /** Runs the application's changelog on this database, as a node does at start. */
    void migrate() throws Exception {
        SpringLiquibase liquibase = new LockedMigration();
        liquibase.setDataSource(dataSource());
        liquibase.setChangeLog("classpath:db/changelog/master.xml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
    }

    /** The names of its tables, lower case. */
    List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource().getConnection();
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%", new String[]{"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        }
    }
}
