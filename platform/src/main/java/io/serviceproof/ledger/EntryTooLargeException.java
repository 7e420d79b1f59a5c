package io.serviceproof.ledger;

import io.serviceproof.common.PayloadTooLargeException;

/** An entry whose canonical form exceeds what a log entry may hold. */
public class EntryTooLargeException extends PayloadTooLargeException {

    public EntryTooLargeException(String eventId, int bytes) {
        super("Event " + eventId + " is " + bytes + " bytes in canonical form; a log entry holds at most "
                + EntryDraft.MAX_CANONICAL_BYTES
                + " bytes. Keep large content off the log and reference it by digest.");
    }
}
