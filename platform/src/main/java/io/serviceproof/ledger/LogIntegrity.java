package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which logs are halted, and why. A log halts when its stored tree does not reproduce the
 * checkpoint it last signed (entries lost to a restored copy, bytes changed under it); from then on
 * it neither sequences nor signs, so nothing is ever signed over the disagreement. Only a restart
 * (after the storage is repaired) re-checks and lifts it.
 */
@Component
public class LogIntegrity {

    private static final Logger log = LoggerFactory.getLogger(LogIntegrity.class);

    /** What differs, and since when. */
    public record Halt(String reason, Instant since) {}

    private final Map<OrganisationId, Halt> halted = new ConcurrentHashMap<>();
    private final Clock clock;

    LogIntegrity(Clock clock) {
        this.clock = clock;
    }

    public Optional<Halt> halt(OrganisationId organisation) {
        return Optional.ofNullable(halted.get(organisation));
    }

    public int haltedLogs() {
        return halted.size();
    }

    /** Halts the log and returns the exception to refuse the current request with. */
    LogHaltedException halt(OrganisationId organisation, String reason) {
        Halt first = halted.computeIfAbsent(organisation, o -> {
            log.error("Halted the log of {}: {}", organisation, reason);
            return new Halt(reason, clock.instant());
        });
        return new LogHaltedException(first.reason());
    }

    void requireIntact(OrganisationId organisation) {
        Halt halt = halted.get(organisation);
        if (halt != null) {
            throw new LogHaltedException(halt.reason());
        }
    }
}
