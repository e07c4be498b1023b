package dev.ordino.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The notifications' own threads ({@code ordino.notifications.threads}): a channel that hangs
 * fills these, never the pool that sends orders to providers. The queue is large because a
 * refused task would fail the order's commit hook; the publication registry keeps the events anyway.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    static final String EXECUTOR = "notificationExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor notificationExecutor(@Value("${ordino.notifications.threads:2}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(Math.max(1, threads));
        executor.setMaxPoolSize(Math.max(1, threads));
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("notification-");
        return executor;
    }
}
