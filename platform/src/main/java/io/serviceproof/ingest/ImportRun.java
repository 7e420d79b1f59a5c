package io.serviceproof.ingest;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.PayloadTooLargeException;
import io.serviceproof.common.Phrase;
import io.serviceproof.common.blobs.BlobStore;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.ledger.Appended;
import io.serviceproof.ledger.Ledger;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** One run of one import, from its saved progress to its end (or until this node stops). */
final class ImportRun {

    private static final Logger LOGGER = LoggerFactory.getLogger(ImportRun.class);

    private final EventImportRows rows;
    private final BlobStore blobs;
    private final Ledger ledger;
    private final UserActionTrail trail;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final EventImport start;
    private EventImport.Phase phase;
    private long bytesRead;
    private long linesDone;
    private long logged;
    private long alreadyPresent;
    private long refused;
    private final List<EventImport.LineProblem> problems;

    ImportRun(
            EventImport start,
            EventImportRows rows,
            BlobStore blobs,
            Ledger ledger,
            UserActionTrail trail,
            TransactionTemplate transaction,
            Clock clock) {
        this.rows = rows;
        this.blobs = blobs;
        this.ledger = ledger;
        this.trail = trail;
        this.transaction = transaction;
        this.clock = clock;
        this.start = start;
        this.phase = start.phase();
        this.linesDone = start.linesDone();
        this.logged = start.logged();
        this.alreadyPresent = start.alreadyPresent();
        this.refused = start.refused();
        this.problems = new ArrayList<>(start.problems());
    }

    void run() {
        try {
            if (!blobs.intact(start.sha256())) {
                fail(Phrase.of("error.import.file-gone"));
                return;
            }
            if (phase == EventImport.Phase.CHECKING && !check()) {
                return;
            }
            log();
        } catch (StoppedException stopped) {
            // This node is stopping: the saved progress stays RUNNING for the sweep to resume.
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("Event import {} failed", start.id(), e);
            fail(Phrase.of("error.import.failed", String.valueOf(e.getMessage())));
        }
    }

    /** Reads the whole file; one bad line refuses it, with every bad line (up to the kept number) named. */
    private boolean check() throws IOException {
        long lines = 0;
        try (ImportReader reader = reader()) {
            for (ImportReader.Line line; (line = reader.next()) != null; ) {
                if (line.problem() != null) {
                    refuse(line.problem());
                }
                bytesRead = reader.bytesRead();
                if (++lines % 2_000 == 0) {
                    save();
                }
            }
        } catch (InvalidInputException header) {
            refuse(problem(1, header));
        }
        if (refused > 0) {
            finish(EventImport.Status.REFUSED);
            return false;
        }
        phase = EventImport.Phase.LOGGING;
        bytesRead = 0;
        save();
        return true;
    }

    private void log() throws IOException {
        List<ImportReader.Line> batch = new ArrayList<>();
        try (ImportReader reader = reader()) {
            for (ImportReader.Line line; (line = reader.next()) != null; ) {
                bytesRead = reader.bytesRead();
                if (line.number() <= linesDone) {
                    continue; // logged (or reported) before this run
                }
                if (line.problem() != null) {
                    if (start.onBadLine() == EventImport.OnBadLine.REFUSE_FILE) {
                        flush(batch);
                        refuse(line.problem());
                        finish(EventImport.Status.STOPPED);
                        return;
                    }
                    refuse(line.problem());
                } else {
                    batch.add(line);
                }
                if (batch.size() == ImportWorker.BATCH) {
                    if (!flush(batch)) {
                        return;
                    }
                    linesDone = line.number();
                    save();
                }
            }
        } catch (InvalidInputException header) {
            refuse(problem(1, header));
            finish(
                    start.onBadLine() == EventImport.OnBadLine.REFUSE_FILE
                            ? EventImport.Status.REFUSED
                            : EventImport.Status.DONE);
            return;
        }
        if (flush(batch)) {
            finish(EventImport.Status.DONE);
        }
    }

    /** Logs a batch; false when a line the log refused stopped a file that refuses bad lines. */
    private boolean flush(List<ImportReader.Line> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new StoppedException();
        }
        try {
            count(ledger.appendAll(batch.stream().map(ImportReader.Line::draft).toList()));
            linesDone = batch.get(batch.size() - 1).number();
            batch.clear();
            return true;
        } catch (InvalidInputException | ConflictException | PayloadTooLargeException refusedBatch) {
            // The log refused the batch as a whole; line by line tells which line it was.
        }
        for (ImportReader.Line line : batch) {
            try {
                count(ledger.appendAll(List.of(line.draft())));
            } catch (InvalidInputException | ConflictException | PayloadTooLargeException e) {
                refuse(problem(line.number(), e));
                if (start.onBadLine() == EventImport.OnBadLine.REFUSE_FILE) {
                    finish(EventImport.Status.STOPPED);
                    batch.clear();
                    return false;
                }
            }
            linesDone = line.number();
        }
        batch.clear();
        return true;
    }

    private void count(List<Appended> appended) {
        for (Appended a : appended) {
            if (a.alreadyPresent()) {
                alreadyPresent++;
            } else {
                logged++;
            }
        }
    }

    private void refuse(EventImport.LineProblem problem) {
        refused++;
        if (problems.size() < EventImport.KEPT_PROBLEMS) {
            problems.add(problem);
        }
    }

    private EventImport.LineProblem problem(long line, RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            String field = invalid.fieldErrors().keySet().iterator().next();
            return new EventImport.LineProblem(
                    line, field, invalid.fieldErrors().get(field), invalid.wording());
        }
        Phrase wording = e instanceof ConflictException c ? c.wording() : null;
        return new EventImport.LineProblem(line, "eventId", e.getMessage(), wording);
    }

    private ImportReader reader() throws IOException {
        InputStream in = blobs.open(start.sha256());
        return new ImportReader(in, start.format(), start.mapping());
    }

    private EventImport now() {
        return new EventImport(
                start.id(),
                start.name(),
                start.format(),
                start.onBadLine(),
                start.mapping(),
                start.sha256(),
                start.totalBytes(),
                EventImport.Status.RUNNING,
                phase,
                bytesRead,
                linesDone,
                logged,
                alreadyPresent,
                refused,
                List.copyOf(problems),
                start.createdBy(),
                start.createdAt(),
                clock.instant(),
                null);
    }

    private void save() {
        rows.progress(now(), clock.instant());
    }

    private void finish(EventImport.Status status) {
        if (status == EventImport.Status.DONE) {
            bytesRead = start.totalBytes();
        }
        transaction.executeWithoutResult(tx -> {
            rows.finish(now(), status, clock.instant());
            trail.record(
                    "ingest.import." + status.token(),
                    "event-import",
                    start.id(),
                    Phrase.of("trail.detail.import-counts", start.name(), logged, alreadyPresent, refused));
        });
    }

    private void fail(Phrase why) {
        // The file failed, not a line of it: said, but not counted as a refused line.
        if (problems.size() < EventImport.KEPT_PROBLEMS) {
            problems.add(new EventImport.LineProblem(linesDone + 1, "file", why.english(), why));
        }
        finish(EventImport.Status.FAILED);
    }

    /** Thrown inside a run when this node is stopping. */
    private static final class StoppedException extends RuntimeException {}
}
