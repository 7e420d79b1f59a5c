package io.serviceproof.tender;

import io.serviceproof.common.UnprocessableDocumentException;
import io.serviceproof.common.UnprocessableDocumentException.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a buyer's requirement list — an XLSX workbook, a CSV file or pasted text — without asking the
 * buyer to reshape it: the header row and the roles of its columns are recognised from their titles
 * in English, Vietnamese, Chinese and Thai, the clause text is the longest-text column when no title
 * says so, and every clause keeps its sheet, row and number. Anything it cannot use is refused whole,
 * with where and why, before anything is stored.
 */
final class RequirementListReader {

    static final int MAX_CLAUSES = 5_000;
    static final int MAX_CLAUSE_CHARS = 4_000;
    /** Rows searched for the column titles: buyers put a form header above their table. */
    private static final int HEADER_SEARCH_ROWS = 15;

    private static final Pattern NUMBERED_LINE =
            Pattern.compile("^\\s*((?:[\\p{L}]{1,3}[-.]?)?\\d+(?:[.\\-]\\d+)*[.)]?)\\s+(\\S.*)$");

    static {
        // A zip bomb disguised as a workbook fails here instead of filling memory.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    private RequirementListReader() {}

    static RequirementList read(TenderFormat format, byte[] bytes) {
        RequirementList list = switch (format) {
            case XLSX -> xlsx(bytes);
            case CSV -> csv(bytes);
            case TEXT -> text(bytes);
        };
        if (list.clauses().isEmpty()) {
            throw refused("the list", "no clause found: a list needs at least one row of requirement text");
        }
        if (list.clauses().size() > MAX_CLAUSES) {
            throw refused(
                    "the list",
                    "has " + list.clauses().size() + " clauses; up to " + MAX_CLAUSES + " are read at once,"
                            + " split it into several tenders");
        }
        for (RequirementList.Listed clause : list.clauses()) {
            if (clause.text().length() > MAX_CLAUSE_CHARS) {
                throw refused(
                        where(clause),
                        "a clause of " + clause.text().length() + " characters; up to " + MAX_CLAUSE_CHARS
                                + " are read (is this the right column?)");
            }
        }
        return list;
    }

    private static String where(RequirementList.Listed clause) {
        return (clause.sheet() == null ? "" : "sheet '" + clause.sheet() + "' ") + "row " + (clause.row() + 1);
    }

    private static UnprocessableDocumentException refused(String location, String message) {
        return new UnprocessableDocumentException(
                "The requirement list cannot be read", List.of(new Problem(location, message)));
    }

    // XLSX

    private static RequirementList xlsx(byte[] bytes) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            DataFormatter format = new DataFormatter(Locale.ROOT);
            List<SheetLayout> layouts = new ArrayList<>();
            List<RequirementList.Listed> clauses = new ArrayList<>();
            List<Table> tables = new ArrayList<>();
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                if (workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s)) {
                    continue;
                }
                Sheet sheet = workbook.getSheetAt(s);
                tables.add(new Table(sheet.getSheetName(), cells(sheet, format)));
            }
            // Sheets whose titles name a requirement column are the list; the others are cover pages
            // and instructions. Without any such title, the first sheet with text is the list.
            List<Table> titled =
                    tables.stream().filter(t -> t.layout().headerRow() >= 0).toList();
            List<Table> chosen = !titled.isEmpty()
                    ? titled
                    : tables.stream()
                            .filter(t -> !t.clauses().isEmpty())
                            .limit(1)
                            .toList();
            for (Table table : chosen) {
                layouts.add(table.layout());
                clauses.addAll(table.clauses());
            }
            return new RequirementList(TenderFormat.XLSX, null, layouts, clauses);
        } catch (UnprocessableDocumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI's refusals (not a zip, not a workbook, a zip bomb) all mean the same to the buyer.
            throw refused(
                    "the file",
                    "is not a readable XLSX workbook (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<List<String>> cells(Sheet sheet, DataFormatter format) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            if (r > MAX_CLAUSES * 2) {
                throw refused("sheet '" + sheet.getSheetName() + "'", "has more rows than a requirement list can");
            }
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < Math.min(Math.max(row.getLastCellNum(), 0), 64); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell).strip());
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    /** One sheet's (or a CSV's) cells, with the layout recognised in them and the clauses it yields. */
    private record Table(
            String sheet, List<List<String>> rows, SheetLayout layout, List<RequirementList.Listed> clauses) {

        Table(String sheet, List<List<String>> rows) {
            this(sheet, rows, recognise(sheet, rows), null);
        }

        Table {
            if (clauses == null) {
                clauses = clausesOf(sheet, rows, layout);
            }
        }
    }

    static SheetLayout recognise(String sheet, List<List<String>> rows) {
        int headerRow = -1;
        int number = -1;
        int answer = -1;
        int reference = -1;
        int remarks = -1;
        List<Integer> textTitled = new ArrayList<>();
        for (int r = 0; r < Math.min(rows.size(), HEADER_SEARCH_ROWS) && headerRow < 0; r++) {
            List<Integer> texts = new ArrayList<>();
            int n = -1, a = -1, ref = -1, rem = -1;
            for (int c = 0; c < rows.get(r).size(); c++) {
                switch (HeaderRoles.of(rows.get(r).get(c))) {
                    case NUMBER -> n = n < 0 ? c : n;
                    case ANSWER -> a = a < 0 ? c : a;
                    case REFERENCE -> ref = ref < 0 ? c : ref;
                    case REMARKS -> rem = rem < 0 ? c : rem;
                    case TEXT -> texts.add(c);
                    case OTHER -> {}
                }
            }
            // A title row names at least two columns; a lone sentence mentioning "requirements" is prose.
            long titled = rows.get(r).stream().filter(cell -> !cell.isBlank()).count();
            if (!texts.isEmpty() && titled >= 2) {
                headerRow = r;
                number = n;
                answer = a;
                reference = ref;
                remarks = rem;
                textTitled = texts;
            }
        }
        int first = headerRow + 1;
        int text = longest(rows, first, textTitled);
        if (text < 0 || averageLength(rows, first, text) < 15) {
            int any = longest(rows, first, null);
            text = any >= 0 && averageLength(rows, first, any) > averageLength(rows, first, text) ? any : text;
        }
        if (headerRow < 0 && text >= 0) {
            number = numberingColumn(rows, text);
        }
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        boolean added = false;
        // Columns the buyer did not provide go after the last one, in this order.
        if (answer < 0) {
            answer = width++;
            added = true;
        }
        if (reference < 0) {
            reference = width++;
            added = true;
        }
        if (remarks < 0) {
            remarks = width;
            added = true;
        }
        return new SheetLayout(sheet, headerRow, number, text, answer, reference, remarks, added);
    }

    /** Of the candidate columns (all when null), the one with the most text below the header. */
    private static int longest(List<List<String>> rows, int first, List<Integer> candidates) {
        int best = -1;
        double bestLength = 0;
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        for (int c = 0; c < width; c++) {
            if (candidates != null && !candidates.contains(c)) {
                continue;
            }
            double length = averageLength(rows, first, c);
            if (length > bestLength) {
                best = c;
                bestLength = length;
            }
        }
        return best;
    }

    private static double averageLength(List<List<String>> rows, int first, int column) {
        if (column < 0) {
            return 0;
        }
        long total = 0;
        int counted = 0;
        for (int r = Math.max(first, 0); r < rows.size(); r++) {
            String cell = cell(rows.get(r), column);
            if (!cell.isEmpty()) {
                total += cell.length();
                counted++;
            }
        }
        return counted == 0 ? 0 : (double) total / counted;
    }

    /** Without titles: a column left of the text whose filled cells all look like clause numbers. */
    private static int numberingColumn(List<List<String>> rows, int text) {
        for (int c = 0; c < text; c++) {
            int filled = 0;
            boolean numbering = true;
            for (List<String> row : rows) {
                String cell = cell(row, c);
                if (!cell.isEmpty()) {
                    filled++;
                    numbering &= cell.length() <= 16 && cell.matches("[\\p{L}]{0,3}[-.]?\\d+([.\\-]\\d+)*[.)]?");
                }
            }
            if (filled > 0 && numbering) {
                return c;
            }
        }
        return -1;
    }

    private static List<RequirementList.Listed> clausesOf(String sheet, List<List<String>> rows, SheetLayout layout) {
        List<RequirementList.Listed> clauses = new ArrayList<>();
        if (layout.textColumn() < 0) {
            return clauses;
        }
        for (int r = layout.headerRow() + 1; r < rows.size(); r++) {
            String text = cell(rows.get(r), layout.textColumn());
            if (text.codePointCount(0, text.length()) < 2) {
                continue;
            }
            String number = layout.numberColumn() < 0 ? null : cell(rows.get(r), layout.numberColumn());
            clauses.add(new RequirementList.Listed(sheet, r, number == null || number.isEmpty() ? null : number, text));
        }
        return clauses;
    }

    private static String cell(List<String> row, int column) {
        return column >= 0 && column < row.size() && row.get(column) != null
                ? row.get(column).strip()
                : "";
    }

    // CSV

    private static RequirementList csv(byte[] bytes) {
        Decoded decoded = decode(bytes);
        char delimiter = delimiter(decoded.text());
        List<List<String>> rows = new ArrayList<>();
        try {
            for (CSVRecord record :
                    CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(decoded.text()))) {
                if (rows.size() > MAX_CLAUSES * 2) {
                    throw refused("the file", "has more rows than a requirement list can");
                }
                List<String> cells = new ArrayList<>();
                record.forEach(v -> cells.add(v == null ? "" : v.strip()));
                rows.add(cells);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw refused("the file", "is not well-formed CSV (" + e.getMessage() + ")");
        }
        Table table = new Table(null, rows);
        return new RequirementList(
                TenderFormat.CSV,
                decoded.charset().name(),
                List.of(new SheetLayout(
                        null,
                        table.layout().headerRow(),
                        table.layout().numberColumn(),
                        table.layout().textColumn(),
                        table.layout().answerColumn(),
                        table.layout().referenceColumn(),
                        table.layout().remarksColumn(),
                        table.layout().added())),
                table.clauses());
    }

    /** The delimiter of the first line: the most frequent of comma, semicolon and tab (Excel's choices). */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = line.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    /** @param bom whether the file began with a UTF-8 byte-order mark (Excel needs one to read UTF-8 CSV) */
    record Decoded(String text, Charset charset, boolean bom) {}

    /**
     * UTF-8 (with or without a byte-order mark), else GB18030: Excel in a Chinese locale saves CSV in
     * GBK, which GB18030 contains. Bytes neither reads are refused rather than guessed at.
     */
    static Decoded decode(byte[] bytes) {
        int skip =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                String text = charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                        .toString();
                return new Decoded(text, charset, skip > 0);
            } catch (CharacterCodingException e) {
                // try the next
            }
        }
        throw refused("the file", "is neither UTF-8 nor GB18030 text; save it as CSV UTF-8");
    }

    // Pasted text

    private static RequirementList text(byte[] bytes) {
        String text = decode(bytes).text();
        List<RequirementList.Listed> clauses = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        if (lines.length > MAX_CLAUSES * 2) {
            throw refused("the text", "has more lines than a requirement list can");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.codePointCount(0, line.length()) < 2) {
                continue;
            }
            Matcher numbered = NUMBERED_LINE.matcher(line);
            clauses.add(
                    numbered.matches()
                            ? new RequirementList.Listed(
                                    null,
                                    i,
                                    numbered.group(1),
                                    numbered.group(2).strip())
                            : new RequirementList.Listed(null, i, null, line));
        }
        return new RequirementList(
                TenderFormat.TEXT,
                StandardCharsets.UTF_8.name(),
                List.of(new SheetLayout(null, -1, -1, 0, 1, 2, 3, true)),
                clauses);
    }
}
