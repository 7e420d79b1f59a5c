package io.serviceproof.ledger;

import io.serviceproof.verifier.tlog.Rfc9162;
import java.util.ArrayList;
import java.util.List;

/**
 * A draft with the bytes the log will store and their leaf hash, worked out before the log is
 * locked: canonicalising and hashing are most of an append's own CPU time, and done here the next
 * batch is prepared while the one before it is being written.
 */
record HashedDraft(EntryDraft draft, byte[] canonical, byte[] leafHash) {

    static HashedDraft of(EntryDraft draft) {
        byte[] canonical = draft.canonicalBytes();
        if (canonical.length > EntryDraft.MAX_CANONICAL_BYTES) {
            throw new EntryTooLargeException(draft.eventId(), canonical.length);
        }
        return new HashedDraft(draft, canonical, Rfc9162.leafHash(canonical));
    }

    static List<HashedDraft> all(List<EntryDraft> drafts) {
        List<HashedDraft> hashed = new ArrayList<>(drafts.size());
        drafts.forEach(draft -> hashed.add(of(draft)));
        return hashed;
    }

    String eventId() {
        return draft.eventId();
    }
}
