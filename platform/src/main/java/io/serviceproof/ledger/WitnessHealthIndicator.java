package io.serviceproof.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.serviceproof.identity.OrganisationId;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Witness outages, visible without being fatal: {@code /actuator/health} says {@code WITNESS_OUTAGE}
 * (HTTP 200; appends go on) while any log's newest checkpoint has waited longer than
 * {@code serviceproof.witness.alert-after} for its quorum, and the gauge
 * {@code serviceproof.witness.logs.waiting} counts those logs.
 */
@Component
class WitnessHealthIndicator implements HealthIndicator {

    static final Status WITNESS_OUTAGE = new Status("WITNESS_OUTAGE", "a log's checkpoint waits for its witnesses");

    private final WitnessPolicies policies;
    private final WitnessedCheckpoints witnessed;
    private final Clock clock;
    private final Duration alertAfter;

    WitnessHealthIndicator(
            WitnessPolicies policies,
            WitnessedCheckpoints witnessed,
            Clock clock,
            MeterRegistry meters,
            @Value("${serviceproof.witness.alert-after:2m}") Duration alertAfter) {
        this.policies = policies;
        this.witnessed = witnessed;
        this.clock = clock;
        this.alertAfter = alertAfter;
        Gauge.builder("serviceproof.witness.logs.waiting", this, WitnessHealthIndicator::waitingLogs)
                .description("Logs whose newest checkpoint has waited longer than alert-after for its witness quorum")
                .register(meters);
    }

    @Override
    public Health health() {
        int waiting = waitingLogs();
        return (waiting == 0 ? Health.up() : Health.status(WITNESS_OUTAGE))
                .withDetail("logsWaitingForWitnesses", waiting)
                .build();
    }

    private int waitingLogs() {
        int waiting = 0;
        for (OrganisationId organisation : policies.organisations()) {
            if (witnessed
                    .waitingForQuorum(organisation, clock.instant())
                    .filter(d -> d.compareTo(alertAfter) > 0)
                    .isPresent()) {
                waiting++;
            }
        }
        return waiting;
    }
}
