package io.serviceproof.ledger;

import io.serviceproof.common.ConflictException;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.tiles.Tiles;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gives events their place in an organisation's log. Inside one transaction it locks the log's head
 * row, resolves retries by producer event id, writes the entries and every tree node they complete,
 * and moves the head. Nothing is acknowledged before that transaction commits, so an acknowledged
 * index is durable (SQLite {@code synchronous=FULL}, PostgreSQL's WAL).
 *
 * <p>The right edge of each tree is cached between appends and re-read whenever the head moved
 * elsewhere (another node, a rolled-back batch), so the cache can be stale but never wrong.
 */
@Component
class Sequencer {

    private final LogIds logIds;
    private final LogHeads heads;
    private final LogEntries entries;
    private final LogNodes nodes;
    private final TreeNodes treeNodes;
    private final Clock clock;
    private final Map<OrganisationId, TreeEdge> edges = new ConcurrentHashMap<>();

    Sequencer(LogIds logIds, LogHeads heads, LogEntries entries, LogNodes nodes, TreeNodes treeNodes, Clock clock) {
        this.logIds = logIds;
        this.heads = heads;
        this.entries = entries;
        this.nodes = nodes;
        this.treeNodes = treeNodes;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public List<Appended> append(OrganisationId organisation, List<HashedDraft> drafts) {
        Instant now = clock.instant();
        LogId log = logIds.ensure(organisation, now.toEpochMilli());
        long size = heads.lock(log, now.toEpochMilli());
        // Most batches are new events: insert them without first looking each id up, and look up only
        // when the unique key on (organisation, event id) says some were logged before (a retry).
        TransactionStatus status = TransactionAspectSupport.currentTransactionStatus();
        Object savepoint = status.createSavepoint();
        try {
            List<Appended> appended = sequence(organisation, log, drafts, size, now, new HashMap<>());
            status.releaseSavepoint(savepoint);
            return appended;
        } catch (DataAccessException retried) {
            status.rollbackToSavepoint(savepoint);
            return sequence(organisation, log, drafts, size, now, knownEntries(log, drafts));
        }
    }

    private List<Appended> sequence(
            OrganisationId organisation,
            LogId log,
            List<HashedDraft> drafts,
            long size,
            Instant now,
            Map<String, LedgerEntry> known) {
        TreeEdge edge = edgeAt(organisation, log, size);
        List<Appended> results = new ArrayList<>(drafts.size());
        List<LedgerEntry> fresh = new ArrayList<>();
        List<LogNodes.Node> completed = new ArrayList<>();
        List<TreeEdge.LeafTile> leafTiles = new ArrayList<>();
        for (HashedDraft hashed : drafts) {
            EntryDraft draft = hashed.draft();
            byte[] leafHash = hashed.leafHash();
            LedgerEntry existing = known.get(draft.eventId());
            if (existing != null) {
                if (!MessageDigest.isEqual(existing.canonical(), hashed.canonical())) {
                    throw new ConflictException("Event " + draft.eventId() + " is already logged at index "
                            + existing.index() + " with different content; an event id names one event forever");
                }
                results.add(new Appended(draft.eventId(), existing.index(), leafHash, true));
                continue;
            }
            LedgerEntry entry = new LedgerEntry(
                    edge.size(),
                    draft.eventId(),
                    draft.type(),
                    draft.serviceLayerId(),
                    draft.occurredAt(),
                    now,
                    hashed.canonical());
            TreeEdge.Completed done = edge.append(leafHash);
            for (LogNodes.Node node : done.nodes()) {
                // Only tile levels are stored; the levels in between are hashed from their tile.
                if (node.level() > 0 && node.level() % Tiles.HEIGHT == 0) {
                    completed.add(node);
                }
            }
            if (done.leafTile() != null) {
                leafTiles.add(done.leafTile());
            }
            fresh.add(entry);
            known.put(draft.eventId(), entry);
            results.add(new Appended(draft.eventId(), entry.index(), leafHash, false));
        }
        if (!fresh.isEmpty()) {
            entries.insertAll(log, fresh);
            for (TreeEdge.LeafTile tile : leafTiles) {
                treeNodes.storeLeafTile(log, tile.index(), tile.hashes());
            }
            if (!completed.isEmpty()) {
                nodes.insertAll(log, completed);
            }
            heads.setSize(log, edge.size());
            UncommittedAppends.mark(organisation);
            afterCommit(() -> edges.put(organisation, edge));
        }
        return results;
    }

    /** The tree's right edge at {@code size}: from the cache when it is current, else from the nodes. */
    TreeEdge edgeAt(OrganisationId organisation, long size) {
        return edgeAt(organisation, logIds.of(organisation), size);
    }

    private TreeEdge edgeAt(OrganisationId organisation, LogId log, long size) {
        TreeEdge cached = edges.get(organisation);
        if (cached != null && cached.size() == size) {
            return cached.copy();
        }
        return new TreeEdge(
                size, treeNodes.reader(log)::node, (from, count) -> entries.leafHashRange(log, from, count));
    }

    private Map<String, LedgerEntry> knownEntries(LogId log, List<HashedDraft> drafts) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        drafts.forEach(d -> ids.add(d.eventId()));
        Map<String, LedgerEntry> known = new HashMap<>();
        entries.findByEventIds(log, ids).forEach(e -> known.put(e.eventId(), e));
        return known;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }
}
