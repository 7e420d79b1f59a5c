package io.serviceproof.ingest;

import io.serviceproof.common.Phrase;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A file of historical events being logged: what it is, how far it has come and what was wrong in it.
 * Progress is told by bytes read of the file (the share shown to the user) and by lines: every line
 * up to {@code linesDone} is durably in the log, {@code logged} of them for the first time and
 * {@code alreadyPresent} as idempotent repeats; {@code refused} lines were bad.
 */
public record EventImport(
        String id,
        String name,
        Format format,
        OnBadLine onBadLine,
        CsvMapping mapping,
        String sha256,
        long totalBytes,
        Status status,
        Phase phase,
        long bytesRead,
        long linesDone,
        long logged,
        long alreadyPresent,
        long refused,
        List<LineProblem> problems,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {

    /** How many bad lines an import keeps with their reasons; the rest are only counted. */
    public static final int KEPT_PROBLEMS = 100;

    public enum Format {
        JSONL,
        CSV;

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Format fromToken(String token) {
            return Arrays.stream(values())
                    .filter(f -> f.token().equals(token))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("jsonl or csv"));
        }
    }

    /** What a bad line does: refuse the whole file before anything is logged, or be reported and skipped. */
    public enum OnBadLine {
        REFUSE_FILE("refuse-file"),
        REPORT_LINE("report-line");

        private final String token;

        OnBadLine(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        public static OnBadLine fromToken(String token) {
            return Arrays.stream(values())
                    .filter(o -> o.token.equals(token))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("refuse-file or report-line"));
        }
    }

    public enum Status {
        /** Received and kept; waiting for a worker. */
        QUEUED,
        RUNNING,
        /** Every line read; the good ones are in the log. */
        DONE,
        /** A bad line refused the whole file: nothing was logged. */
        REFUSED,
        /** The log refused a line while importing a file that refuses bad lines: the lines before it are logged. */
        STOPPED,
        /** Something other than the file went wrong (the log halted, the file is gone); it can be retried. */
        FAILED;

        public boolean finished() {
            return this != QUEUED && this != RUNNING;
        }

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A file that refuses bad lines is read twice: checked whole first, then logged. */
    public enum Phase {
        CHECKING,
        LOGGING;

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One bad line: its number in the file (1-based, the header included for CSV), the field and why
     * (in English, and as a phrase for other readers where the product worded it).
     */
    public record LineProblem(long line, String field, String message, Phrase wording) {}

    /** The share of the file read in the current phase, 0 to 100. */
    public int percent() {
        if (status == Status.DONE) {
            return 100;
        }
        return totalBytes == 0 ? 0 : (int) Math.min(100, bytesRead * 100 / totalBytes);
    }
}
