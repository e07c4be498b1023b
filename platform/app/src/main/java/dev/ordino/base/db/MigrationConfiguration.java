package dev.ordino.base.db;

import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The start-up migration, as Boot would make it, but under the per-database lock of {@link LockedMigration}. */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    @Bean
    SpringLiquibase liquibase(DataSource dataSource, @Value("${spring.liquibase.change-log}") String changeLog) {
        LockedMigration migration = new LockedMigration();
        migration.setDataSource(dataSource);
        migration.setChangeLog(changeLog);
        return migration;
    }
}
