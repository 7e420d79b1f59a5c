package io.serviceproof.ledger;

import io.serviceproof.common.NotFoundException;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Tenancy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger's public API: append events to the acting organisation's log and read them back.
 * Other modules record their auditable acts here, inside their own transaction, so an act and its
 * log entry commit together.
 */
@Service
public class Ledger {

    private final Sequencer sequencer;
    private final GroupCommitter committer;
    private final LogEntries entries;
    private final LogHeads heads;
    private final LogIds logIds;
    private final LogIntegrity integrity;
    private final ProducerSignatureCheck signatures;
    private final java.time.Clock clock;

    Ledger(
            Sequencer sequencer,
            GroupCommitter committer,
            LogEntries entries,
            LogHeads heads,
            LogIds logIds,
            LogIntegrity integrity,
            ProducerSignatureCheck signatures,
            java.time.Clock clock) {
        this.integrity = integrity;
        this.signatures = signatures;
        this.clock = clock;
        this.sequencer = sequencer;
        this.committer = committer;
        this.entries = entries;
        this.heads = heads;
        this.logIds = logIds;
    }

    /** Appends one event; idempotent on its event id. */
    @Transactional
    public Appended append(EntryDraft draft) {
        return appendAll(List.of(draft)).get(0);
    }

    /**
     * Appends events in order, all or none; idempotent on their event ids; returns once they are
     * durably sequenced. Inside a caller's transaction the events join it (an act and its log
     * entry commit together); otherwise they are committed by the {@link GroupCommitter}, together
     * with whatever other appends are waiting.
     */
    public List<Appended> appendAll(List<EntryDraft> drafts) {
        return appendAllFor(Tenancy.organisationId(), drafts);
    }

    /** Appends to a named organisation's log (for events raised before anyone acts, e.g. a sign-in). */
    public List<Appended> appendAllFor(OrganisationId organisation, List<EntryDraft> drafts) {
        integrity.requireIntact(organisation);
        java.time.Instant arrived = clock.instant();
        List<HashedDraft> hashed = HashedDraft.all(drafts);
        verifySignatures(organisation, drafts);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return heard(organisation, drafts, sequencer.append(organisation, hashed), arrived);
        }
        try {
            return committer
                    .submit(organisation, hashed, appended -> heard(organisation, drafts, appended, arrived))
                    .join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : e;
        }
    }

    /**
     * Hands a batch over without waiting for it: the future completes once the batch is durably
     * sequenced (or refused). A producer keeps a few batches in flight to prepare the next while
     * the last is written; bad input is refused at once, before anything is queued.
     */
    public CompletableFuture<List<Appended>> submitAll(List<EntryDraft> drafts) {
        OrganisationId organisation = Tenancy.organisationId();
        java.time.Instant arrived = clock.instant();
        List<HashedDraft> hashed = HashedDraft.all(drafts);
        verifySignatures(organisation, drafts);
        return committer.submit(organisation, hashed, appended -> heard(organisation, drafts, appended, arrived));
    }

    /** A producer's signature is checked before anything is sequenced: a bad one refuses the batch. */
    private void verifySignatures(OrganisationId organisation, List<EntryDraft> drafts) {
        if (drafts.stream().anyMatch(d -> d.signature() != null)) {
            signatures.verify(organisation, drafts);
        }
    }

    /**
     * Tells the device registry which signed events were logged for the first time: in the
     * transaction that logs them, so its counts commit (or roll back) with the events.
     */
    private List<Appended> heard(
            OrganisationId organisation, List<EntryDraft> drafts, List<Appended> appended, java.time.Instant arrived) {
        List<EntryDraft> signed = new java.util.ArrayList<>();
        for (int i = 0; i < drafts.size() && i < appended.size(); i++) {
            if (drafts.get(i).signature() != null && !appended.get(i).alreadyPresent()) {
                signed.add(drafts.get(i));
            }
        }
        if (!signed.isEmpty()) {
            signatures.logged(organisation, signed, arrived);
        }
        return appended;
    }

    public long size() {
        return heads.size(Tenancy.organisationId());
    }

    public LedgerEntry entry(long index) {
        return entries.findByIndex(actingLog(), index).orElseThrow(() -> new NotFoundException("Entry", index));
    }

    /**
     * Streams the acting organisation's events of one layer that occurred in [from, to), of the
     * given types (null: all), in log order, page by page and outside any transaction (a long read
     * must not hold SQLite's lock).
     */
    public void forEachEventOfLayer(
            String layerCode,
            List<String> types,
            java.time.Instant from,
            java.time.Instant to,
            Consumer<LoggedEvent> each) {
        entries.forEachOfLayer(actingLog(), layerCode, types, from.toEpochMilli(), to.toEpochMilli(), each);
    }

    /** Streams the acting organisation's events of one layer from log index {@code startIndex} on that occurred before {@code to}. */
    public void forEachEventOfLayerFrom(
            String layerCode, long startIndex, java.time.Instant to, Consumer<LoggedEvent> each) {
        entries.forEachOfLayer(actingLog(), layerCode, null, startIndex, Long.MIN_VALUE, to.toEpochMilli(), each);
    }

    /** Whether the layer has an event before log index {@code beforeIndex} that occurred in [from, to). */
    public boolean anyEventOfLayerBefore(
            String layerCode, long beforeIndex, java.time.Instant from, java.time.Instant to) {
        return entries.anyOfLayerBefore(actingLog(), layerCode, beforeIndex, from.toEpochMilli(), to.toEpochMilli());
    }

    /**
     * Up to {@code max} of an organisation's entries that name a service layer, from log index
     * {@code fromIndex} on: how a follower of the log (the SLA tracker) reads each new event once.
     */
    public List<LedgerEntry> layerEntriesFrom(OrganisationId organisation, long fromIndex, int max) {
        return entries.ofAnyLayer(logIds.of(organisation), fromIndex, max);
    }

    public List<LedgerEntry> search(EntrySearch search) {
        return entries.search(actingLog(), search);
    }

    private LogId actingLog() {
        return logIds.of(Tenancy.organisationId());
    }
}
