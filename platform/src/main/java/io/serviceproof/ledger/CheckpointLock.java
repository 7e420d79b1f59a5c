package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import java.util.Optional;

/**
 * Where each log's latest signed checkpoint is kept, apart from the tiles it covers, and moved
 * forward only by compare-and-swap (as Sunlight's lock backend does). Before signing, the stored
 * tree must reproduce this checkpoint; so storage that lost or changed signed entries is caught
 * instead of signed over, and two nodes can never sign different trees of one size.
 */
interface CheckpointLock {

    /** The latest signed checkpoint note, if the log ever signed one. */
    Optional<String> read(OrganisationId organisation);

    /**
     * Replaces {@code expected} (empty: nothing stored yet) with {@code next}, atomically and
     * durably; false when the stored value is no longer {@code expected}.
     */
    boolean compareAndSwap(OrganisationId organisation, Optional<String> expected, String next);

    /** Where the lock lives, for messages and the operations page. */
    String describe();
}
