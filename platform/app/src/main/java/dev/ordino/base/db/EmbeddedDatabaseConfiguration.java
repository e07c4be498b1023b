package dev.ordino.base.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordino.base.config.OrdinoProperties;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} (env {@code SPRING_DATASOURCE_URL}) Ordino runs its own
 * MariaDB under {@code ORDINO_DATA_DIR/mariadb}. With one set, this configuration steps aside and
 * Spring Boot connects to that server; nothing is started.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    /**
     * Stopped when the context closes, after everything that uses the pool: the pool depends on it,
     * so Spring closes the pool first. Test contexts share one server; the last to close stops it.
     */
    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(OrdinoProperties properties) {
        return EmbeddedMariaDb.startIn(properties.dataDir().resolve("mariadb"));
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedMariaDb server,
                          @Value("${ordino.embedded.database:ordino}") String database) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.mariadb.jdbc.Driver")
                .url(server.jdbcUrl(database))
                .username(server.username())
                .password(server.password())
                .build();
        dataSource.setPoolName("ordino-embedded");
        return dataSource;
    }
}
