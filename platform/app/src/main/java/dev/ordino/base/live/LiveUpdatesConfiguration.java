package dev.ordino.base.live;

import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code ORDINO_LIVE_UPDATES}: {@code database} (default) carries page updates between nodes, {@code local} does not. */
@Configuration(proxyBeanMethods = false)
class LiveUpdatesConfiguration {

    @Bean
    ChangeFeed changeFeed(@Value("${ordino.live-updates:database}") String mode, JdbcClient jdbc, JdbcTemplate batches,
                          Clock clock) {
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "database" -> new DatabaseChangeFeed(jdbc, batches, clock);
            case "local" -> ChangeFeed.LOCAL;
            default -> throw new IllegalStateException("ORDINO_LIVE_UPDATES is '" + mode + "'; it must be 'database' or 'local'");
        };
    }
}
