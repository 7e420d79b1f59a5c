package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Before the server takes traffic (and before demo data or anything else appends), every log's storage must reproduce the checkpoint it last
 * signed; a log that does not is halted (the others serve on), as Sunlight refuses to start on a
 * lock that disagrees with its storage.
 */
@Component
class LogIntegrityOnStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LogIntegrityOnStart.class);

    private final LogHeads heads;
    private final CheckpointPublisher publisher;

    LogIntegrityOnStart(LogHeads heads, CheckpointPublisher publisher) {
        this.heads = heads;
        this.publisher = publisher;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int checked = 0;
        int halted = 0;
        for (OrganisationId organisation : heads.organisations()) {
            checked++;
            try {
                publisher.check(organisation);
            } catch (LogHaltedException e) {
                halted++;
            }
        }
        if (checked > 0) {
            log.info("Checked {} logs against their last signed checkpoints: {} halted", checked, halted);
        }
    }
}
