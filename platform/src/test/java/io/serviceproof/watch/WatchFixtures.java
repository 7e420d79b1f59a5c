package io.serviceproof.watch;

import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Watch rows for tests elsewhere (the isolation matrix) that cannot reach the module's internals. */
public final class WatchFixtures {

    private WatchFixtures() {}

    /** A proposal on {@code feedId} of the acting organisation, as a poll would store it. */
    public static String proposal(ApplicationContext context, String feedId, String title) {
        String id = UUID.randomUUID().toString();
        context.getBean(ProposalRows.class)
                .insertIfNew(new Proposal(
                        id,
                        feedId,
                        "fixture feed",
                        "urn:fixture:" + id,
                        title,
                        null,
                        null,
                        "",
                        Proposal.Status.PROPOSED,
                        null,
                        null,
                        null,
                        null,
                        Instant.now()));
        return id;
    }
}
