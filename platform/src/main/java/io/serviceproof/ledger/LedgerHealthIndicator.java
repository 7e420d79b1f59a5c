package io.serviceproof.ledger;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} is DOWN while any log is halted: an operator must look. The count is all
 * it says; which organisation and why is on that organisation's log page and in the server log.
 */
@Component
class LedgerHealthIndicator implements HealthIndicator {

    private final LogIntegrity integrity;

    LedgerHealthIndicator(LogIntegrity integrity) {
        this.integrity = integrity;
    }

    @Override
    public Health health() {
        int halted = integrity.haltedLogs();
        return (halted == 0 ? Health.up() : Health.down())
                .withDetail("haltedLogs", halted)
                .build();
    }
}
