package io.serviceproof.common.scheduling;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One schedule across nodes: a job annotated {@code @SchedulerLock} runs on whichever node takes its
 * row in the {@code shedlock} table first (ShedLock's JDBC provider: a conditional insert or update,
 * the same on SQLite and PostgreSQL), and is skipped on the others. A lock is held at most for its
 * {@code lockAtMostFor}, so a job whose node dies mid-run is run again by another node once that
 * time has passed. Jobs that are per node by nature (counts held in a node's memory, checkpoint
 * publishing under its own lock, import claims) are not locked; {@code ScheduledJobsIntegrationTests}
 * holds every scheduled method to one of the two.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .forceUtcTimeZone()
                .build());
    }
}
