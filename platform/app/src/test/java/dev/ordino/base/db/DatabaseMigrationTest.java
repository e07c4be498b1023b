package dev.ordino.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.OrdinoTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OrdinoTest
class DatabaseMigrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired(required = false)
    EmbeddedMariaDb embedded;

    @Test
    void theChangelogBuildsTheWholeSchemaOnAnEmptyDatabaseInUtf8mb4() throws Exception {
        try (FreshDatabase database = FreshDatabase.create("ordino_empty_", dataSource, embedded)) {
            assertThat(database.tables()).isEmpty();
            database.migrate();

            assertThat(database.tables()).contains("app_user", "app_user_role", "store_setting", "databasechangelog");
            try (Connection connection = database.dataSource().getConnection(); Statement query = connection.createStatement();
                 ResultSet charset = query.executeQuery("SELECT DEFAULT_CHARACTER_SET_NAME FROM "
                         + "information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + database.name() + "'")) {
                charset.next();
                assertThat(charset.getString(1)).isEqualTo("utf8mb4");
            }
        }
    }
}
