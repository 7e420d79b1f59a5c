package io.serviceproof.ingest;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.common.blobs.BlobStore;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Bulk imports of historical events, for the acting organisation. A file is received whole into the
 * blob store (hashed as it streams, memory flat) and queued; {@link ImportWorker} logs it in batches
 * in the background while its progress is read here. Nothing of a file is logged before it has been
 * received completely.
 */
@Service
public class EventImports {

    /** What an upload says about its file. */
    public record NewImport(
            String name, EventImport.Format format, EventImport.OnBadLine onBadLine, CsvMapping mapping) {}

    private final EventImportRows rows;
    private final BlobStore blobs;
    private final ImportWorker worker;
    private final UserActionTrail trail;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final long maxBytes;

    EventImports(
            EventImportRows rows,
            BlobStore blobs,
            ImportWorker worker,
            UserActionTrail trail,
            Clock clock,
            TransactionTemplate transaction,
            @Value("${serviceproof.ingest.max-import-size:1GB}") DataSize maxSize) {
        this.rows = rows;
        this.blobs = blobs;
        this.worker = worker;
        this.trail = trail;
        this.clock = clock;
        this.transaction = transaction;
        this.maxBytes = maxSize.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Keeps the file and queues it; the returned import is queued, and runs on this node at once. */
    public EventImport start(NewImport request, InputStream content) {
        if (request.format() == EventImport.Format.CSV) {
            if (request.mapping() == null) {
                throw new InvalidInputException("occurredAtColumn", Phrase.of("error.import.time-column"));
            }
            request.mapping().requireValid();
        }
        String name = request.name() == null || request.name().isBlank()
                ? "events." + request.format().token()
                : request.name().strip();
        if (name.length() > 200) {
            throw new InvalidInputException("name", Phrase.of("error.length", 200));
        }
        OrganisationId organisation = Tenancy.organisationId();
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        EventImport created;
        try (BlobStore.Staged staged = blobs.stage(content, maxBytes, "Event imports")) {
            if (staged.size() == 0) {
                throw new InvalidInputException("file", Phrase.of("error.import.empty"));
            }
            blobs.keep(staged);
            created = new EventImport(
                    id,
                    name,
                    request.format(),
                    request.onBadLine(),
                    request.format() == EventImport.Format.CSV ? request.mapping() : null,
                    staged.sha256(),
                    staged.size(),
                    EventImport.Status.QUEUED,
                    request.onBadLine() == EventImport.OnBadLine.REFUSE_FILE
                            ? EventImport.Phase.CHECKING
                            : EventImport.Phase.LOGGING,
                    0,
                    0,
                    0,
                    0,
                    0,
                    List.of(),
                    Tenancy.actor().name(),
                    now,
                    now,
                    null);
        }
        transaction.executeWithoutResult(status -> {
            rows.insert(organisation, created);
            trail.record(
                    "ingest.import.started",
                    "event-import",
                    id,
                    Phrase.of("trail.detail.import", name, created.sha256(), created.totalBytes()));
        });
        worker.runSoon(id);
        return importOf(id);
    }

    public List<EventImport> imports() {
        return rows.all(Tenancy.organisationId());
    }

    public EventImport importOf(String id) {
        return rows.find(Tenancy.organisationId(), id).orElseThrow(() -> new NotFoundException("Event import", id));
    }

    /** Runs a failed import again from the last line it logged. */
    public EventImport retry(String id) {
        importOf(id);
        if (!rows.requeue(Tenancy.organisationId(), id, clock.instant())) {
            throw new io.serviceproof.common.ConflictException(Phrase.of("error.import.not-failed"));
        }
        worker.runSoon(id);
        return importOf(id);
    }
}
