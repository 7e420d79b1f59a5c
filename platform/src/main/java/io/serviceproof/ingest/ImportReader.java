package io.serviceproof.ingest;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.Phrase;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.EntryJson;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import file line by line into events, with memory bounded by the longest line allowed
 * whatever the file's size. JSON Lines: each line is one entry exactly as the ingest API takes it.
 * CSV: the first line is the header, then one row per line (a quoted cell may not span lines, so a
 * line number always points at the row a person can open and fix). Blank lines are skipped; a bad
 * line yields its problem instead of an event, and reading goes on.
 */
final class ImportReader implements AutoCloseable {

    /** The longest line read; an entry is at most 64 KiB of canonical JSON, a row is far less. */
    static final int MAX_LINE_BYTES = 256 * 1024;

    /** One line: its event, or what is wrong with it. */
    record Line(long number, EntryDraft draft, EventImport.LineProblem problem) {}

    private final InputStream in;
    private final EventImport.Format format;
    private final CsvMapping mapping;
    private List<String> header;
    private long lineNumber;
    private long bytesRead;

    ImportReader(InputStream in, EventImport.Format format, CsvMapping mapping) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.format = format;
        this.mapping = mapping;
    }

    /** The next line that is not blank, or null at the end of the file. */
    Line next() throws IOException {
        while (true) {
            RawLine raw = readLine();
            if (raw == null) {
                return null;
            }
            lineNumber++;
            if (raw.tooLong()) {
                return problem("line", Phrase.of("error.import.too-long", MAX_LINE_BYTES));
            }
            if (isBlank(raw.bytes())) {
                continue;
            }
            try {
                if (format == EventImport.Format.JSONL) {
                    return new Line(lineNumber, entry(raw.bytes()), null);
                }
                List<String> cells = cells(raw.bytes());
                if (header == null) {
                    header = cells;
                    mapping.requireColumns(header);
                    continue;
                }
                return new Line(lineNumber, mapping.draft(header, cells), null);
            } catch (InvalidInputException e) {
                if (header == null && format == EventImport.Format.CSV) {
                    throw e; // a header without the mapped columns makes every row unreadable
                }
                String field = e.fieldErrors().keySet().iterator().next();
                return new Line(
                        lineNumber,
                        null,
                        new EventImport.LineProblem(
                                lineNumber, field, e.fieldErrors().get(field), e.wording()));
            }
        }
    }

    /** Bytes of the file consumed so far: the import's progress. */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static EntryDraft entry(byte[] line) {
        EntryJson.Submission submission = EntryJson.parseRequest(line);
        if (submission.batch()) {
            throw new InvalidInputException("entries", Phrase.of("error.import.one-per-line"));
        }
        return submission.drafts().get(0);
    }

    private static List<String> cells(byte[] line) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("line", Phrase.of("error.import.utf8"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark some spreadsheet programs write
        }
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new InvalidInputException("line", Phrase.of("error.import.csv-line"));
            }
            List<String> cells = new ArrayList<>();
            records.get(0).forEach(cells::add);
            return cells;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("line", Phrase.of("error.import.csv-line"));
        }
    }

    private Line problem(String field, Phrase why) {
        return new Line(lineNumber, null, new EventImport.LineProblem(lineNumber, field, why.english(), why));
    }

    private record RawLine(byte[] bytes, boolean tooLong) {}

    /** Up to the next LF (a CR before it dropped); a line over the limit is skipped to its end. */
    private RawLine readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            bytesRead++;
            any = true;
            if (b == '\n') {
                break;
            }
            if (line.size() < MAX_LINE_BYTES) {
                line.write(b);
            } else {
                tooLong = true;
            }
        }
        if (!any) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        }
        return new RawLine(bytes, tooLong);
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
