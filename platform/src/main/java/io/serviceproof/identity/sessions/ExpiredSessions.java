package io.serviceproof.identity.sessions;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/** Deletes sessions idle past their lifetime, once a minute on one node of the fleet. */
class ExpiredSessions {

    private final JdbcIndexedSessionRepository repository;

    ExpiredSessions(JdbcIndexedSessionRepository repository) {
        this.repository = repository;
    }

    @Scheduled(cron = "0 * * * * *")
    @SchedulerLock(name = "expired-sessions", lockAtMostFor = "PT5M")
    void deleteExpired() {
        repository.cleanUpExpiredSessions();
    }
}
