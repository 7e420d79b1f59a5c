package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import java.time.Instant;
import java.util.List;

/**
 * Checks producer signatures before the ledger sequences an event, and hears which signed events it
 * logged. Implemented by the device registry; declared here so the ledger depends on no registry.
 */
public interface ProducerSignatureCheck {

    /**
     * Refuses, with the field named, any of the drafts (a batch, some of it signed) whose signature is
     * not a valid one by an active device of the organisation (for the device's service layer, when it
     * is bound to one). Nothing of the batch is logged when one is refused.
     */
    void verify(OrganisationId organisation, List<EntryDraft> drafts);

    /** The signed drafts just logged for the first time (not retries), and when they arrived. */
    void logged(OrganisationId organisation, List<EntryDraft> signed, Instant arrivedAt);
}
