package dev.ordino.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordino.OrdinoTest;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/** Each node keeps a small pool by default, so several nodes fit in MariaDB's 151 connections. */
@OrdinoTest
class ConnectionPoolTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aNodeHoldsAtMostTenConnectionsAndTwoWhenIdle() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
        assertThat(pool.getMinimumIdle()).isEqualTo(2);
    }

    @Test
    void thePoolSizeFollowsOrdinoDbPoolSizeAndMinIdleFromTheEnvironment() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("ORDINO_DB_POOL_SIZE", "4", "ORDINO_DB_POOL_MIN_IDLE", "1")));
        environment.getPropertySources().addLast(new ResourcePropertySource(new ClassPathResource("application.properties")));

        assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("4");
        assertThat(environment.getProperty("spring.datasource.hikari.minimum-idle")).isEqualTo("1");
    }
}
