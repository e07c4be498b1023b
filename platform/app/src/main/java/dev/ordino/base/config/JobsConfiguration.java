package dev.ordino.base.config;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Scheduled jobs. A periodic job holds its ShedLock row (database time) for its period
 * ({@code lockAtLeastFor}), so with several app nodes it runs once per period on one of them;
 * jobs that claim rows (sending due provider lines, replaying unfinished events) run on every
 * node instead. {@code ordino.jobs.enabled=false} turns the schedule off (tests drive the jobs
 * themselves); the locks stay, for "run now" buttons.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class JobsConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime().build());
    }

    /** Runs a job under the same lock as its schedule ("sync now"). */
    @Bean
    LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider) {
        return new DefaultLockingTaskExecutor(lockProvider);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "ordino.jobs.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        /**
         * Several threads ({@code ordino.jobs.threads}), not Spring's single default one: a job stuck on
         * a slow provider or gateway must not hold back the others (order sending, reconciliation).
         */
        @Bean
        ThreadPoolTaskScheduler taskScheduler(@Value("${ordino.jobs.threads:4}") int threads) {
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.setPoolSize(Math.max(2, threads));
            scheduler.setThreadNamePrefix("ordino-job-");
            scheduler.setWaitForTasksToCompleteOnShutdown(false);
            return scheduler;
        }
    }
}
