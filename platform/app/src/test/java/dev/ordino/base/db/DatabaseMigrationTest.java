package dev.ordino.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.OrdinoTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

@OrdinoTest
class DatabaseMigrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theChangelogBuildsTheWholeSchemaOnAnEmptyDatabaseInUtf8mb4() throws Exception {
        String database = "ordino_empty_" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Connection admin = dataSource.getConnection(); Statement statement = admin.createStatement()) {
            String current = admin.getCatalog();
            String url = admin.getMetaData().getURL().replace("/" + current, "/" + database);
            statement.execute("CREATE DATABASE " + database);
            try {
                try (SingleConnectionDataSource fresh = new SingleConnectionDataSource(url,
                        admin.getMetaData().getUserName().replaceAll("@.*", ""), passwordOf(), true)) {
                    assertThat(tables(fresh)).isEmpty();
                    SpringLiquibase liquibase = new SpringLiquibase();
                    liquibase.setDataSource(fresh);
                    liquibase.setChangeLog("classpath:db/changelog/master.xml");
                    liquibase.setResourceLoader(new DefaultResourceLoader());
                    liquibase.afterPropertiesSet();

                    assertThat(tables(fresh)).contains("app_user", "app_user_role", "store_setting",
                            "databasechangelog");
                    try (Connection connection = fresh.getConnection(); Statement query = connection.createStatement();
                         ResultSet charset = query.executeQuery("SELECT DEFAULT_CHARACTER_SET_NAME FROM "
                                 + "information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + database + "'")) {
                        charset.next();
                        assertThat(charset.getString(1)).isEqualTo("utf8mb4");
                    }
                }
            } finally {
                statement.execute("DROP DATABASE " + database);
            }
        }
    }

    private static String passwordOf() {
        String password = System.getenv("ORDINO_TEST_DB_PASSWORD");
        return password == null ? "" : password;
    }

    private static List<String> tables(DataSource source) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = source.getConnection();
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%", new String[]{"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }
}
