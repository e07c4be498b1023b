package dev.ordino.base.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrdinoProperties.class)
@EnableAsync
class BaseConfiguration {

    /** One clock for everything time-dependent, so tests can drive time instead of sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
