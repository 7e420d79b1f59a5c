package io.serviceproof.catalog.exchange;

import io.serviceproof.catalog.exchange.LibraryDocument.FrameworkEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.ProvenanceEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.RequirementEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Frameworks as spreadsheets, for people who keep checklists in Excel. Requirements are one row
 * each under the header {@value #HEADER}; in XLSX a "framework" sheet holds key/value rows for the
 * framework itself, in CSV those come from the upload form. Errors name the sheet, row and column.
 */
public final class Spreadsheets {

    public static final String HEADER = "ref, parent, kind, title, title_zh, evidence, provenance, source";
    static final List<String> COLUMNS =
            List.of("ref", "parent", "kind", "title", "title_zh", "evidence", "provenance", "source");
    static final List<String> FRAMEWORK_FIELDS = List.of(
            "key", "name", "edition", "kind", "publisher", "jurisdiction", "status", "summary", "provenance", "source");
    private static final int MAX_ROWS = 50_000;

    static {
        // A zip bomb disguised as a workbook fails here instead of filling memory.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    private Spreadsheets() {}

    public static FrameworkEntry readXlsx(InputStream in, Map<String, String> overrides) {
        try (Workbook workbook = new XSSFWorkbook(in)) {
            DataFormatter format = new DataFormatter(Locale.ROOT);
            Map<String, String> framework = new LinkedHashMap<>();
            Sheet meta = workbook.getSheet("framework");
            if (meta != null) {
                for (Row row : meta) {
                    String key = text(format, row.getCell(0));
                    if (!key.isBlank()) {
                        framework.put(key.strip().toLowerCase(Locale.ROOT), text(format, row.getCell(1)));
                    }
                }
            }
            framework.putAll(nonBlank(overrides));
            Sheet sheet = workbook.getSheet("requirements");
            if (sheet == null) {
                throw new RejectedDocumentException("workbook", "needs a sheet named 'requirements' (" + HEADER + ")");
            }
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(text(format, row.getCell(c)));
                }
                rows.add(cells);
            }
            return build(framework, rows, "requirements");
        } catch (RejectedDocumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RejectedDocumentException("workbook", "not a readable XLSX workbook: " + e.getMessage());
        } catch (LinkageError unsupportedCompression) {
            // Found by fuzzing: an entry compressed with a method POI delegates to a codec we do not
            // ship (zstd) ends in NoClassDefFoundError. Workbooks use deflate; anything else is refused.
            throw new RejectedDocumentException("workbook", "not a readable XLSX workbook: unsupported compression");
        }
    }

    public static FrameworkEntry readCsv(InputStream in, Map<String, String> framework) {
        List<List<String>> rows = new ArrayList<>();
        try {
            for (CSVRecord record : CSVFormat.RFC4180
                    .builder()
                    .setIgnoreEmptyLines(true)
                    .get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                List<String> cells = new ArrayList<>();
                record.forEach(cell -> cells.add(CsvCells.unescape(cell)));
                rows.add(cells);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new RejectedDocumentException("csv", "not a readable CSV file: " + e.getMessage());
        }
        if (!rows.isEmpty() && !rows.get(0).isEmpty() && rows.get(0).get(0).startsWith("\uFEFF")) {
            rows.get(0).set(0, rows.get(0).get(0).substring(1));
        }
        return build(nonBlank(framework), rows, "csv");
    }

    /**
     * Rows rearranged into {@link #COLUMNS} order. The header names the columns: ref and title are
     * required, the others optional and in any order, so a customer's own checklist needs only
     * those two; an unknown or repeated column is an error rather than silently dropped data.
     */
    private static List<List<String>> inColumnOrder(List<List<String>> rows, String sheet) {
        if (rows.isEmpty()) {
            throw new RejectedDocumentException(sheet + " row 1", "a header row is required: " + HEADER);
        }
        List<String> header = rows.get(0).stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .toList();
        int[] source = new int[COLUMNS.size()];
        Arrays.fill(source, -1);
        List<DocumentError> errors = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            int column = COLUMNS.indexOf(name);
            if (name.isEmpty()) {
                continue;
            }
            if (column < 0) {
                errors.add(new DocumentError(
                        sheet + " row 1, column " + (c + 1), "unknown column '" + name + "' (use " + HEADER + ")"));
            } else if (source[column] >= 0) {
                errors.add(
                        new DocumentError(sheet + " row 1, column " + (c + 1), "column '" + name + "' appears twice"));
            } else {
                source[column] = c;
            }
        }
        for (String required : List.of("ref", "title")) {
            if (source[COLUMNS.indexOf(required)] < 0) {
                errors.add(new DocumentError(sheet + " row 1", "the header needs a '" + required + "' column"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RejectedDocumentException(errors);
        }
        List<List<String>> ordered = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int from : source) {
                cells.add(from >= 0 && from < row.size() && row.get(from) != null ? row.get(from) : "");
            }
            ordered.add(cells);
        }
        return ordered;
    }

    private static FrameworkEntry build(Map<String, String> framework, List<List<String>> rows, String sheet) {
        List<DocumentError> errors = new ArrayList<>();
        rows = inColumnOrder(rows, sheet);
        if (rows.size() - 1 > MAX_ROWS) {
            throw new RejectedDocumentException(sheet, "more than " + MAX_ROWS + " requirement rows");
        }
        for (String required : List.of("name", "edition")) {
            if (framework.getOrDefault(required, "").isBlank()) {
                errors.add(new DocumentError("framework " + required, "is required (framework sheet or form field)"));
            }
        }
        String name = framework.getOrDefault("name", "");
        String tag = framework.getOrDefault("provenance", "S");
        ProvenanceEntry provenance =
                ProvenanceEntry.unreviewed(tag, framework.getOrDefault("source", "spreadsheet import"));
        List<RequirementEntry> requirements = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            String rowTag = cells.get(6).strip();
            requirements.add(new RequirementEntry(
                    cells.get(0).strip(),
                    cells.get(1).isBlank() ? null : cells.get(1).strip(),
                    cells.get(2).isBlank() ? null : cells.get(2).strip(),
                    cells.get(3).strip(),
                    cells.get(4).isBlank() ? null : cells.get(4).strip(),
                    Arrays.stream(cells.get(5).split("[\\s,;]+"))
                            .filter(s -> !s.isBlank())
                            .toList(),
                    rowTag.isEmpty()
                            ? null
                            : ProvenanceEntry.unreviewed(rowTag, cells.get(7).strip())));
        }
        if (!errors.isEmpty()) {
            throw new RejectedDocumentException(errors);
        }
        FrameworkEntry entry = new FrameworkEntry(
                framework.getOrDefault("key", OscalCatalogs.slug(name)),
                name,
                framework.get("edition"),
                framework.getOrDefault("kind", "checklist"),
                framework.getOrDefault("publisher", ""),
                framework.getOrDefault("jurisdiction", ""),
                framework.getOrDefault("status", "current"),
                framework.getOrDefault("summary", ""),
                provenance,
                requirements);
        // Requirement r of the validated document sits on spreadsheet row r + 2 (header, 1-based).
        List<Integer> rowOf = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            if (!rows.get(r).stream().allMatch(String::isBlank)) {
                rowOf.add(r + 1);
            }
        }
        LibraryValidator.requireValid(LibraryDocument.ofFrameworks(List.of(entry)), new Locations() {
            @Override
            public String framework(int f, String field) {
                return "framework " + field;
            }

            @Override
            public String requirement(int f, int r, String field) {
                String column = switch (field) {
                    case "zh" -> "title_zh";
                    default -> field;
                };
                return sheet + " row " + rowOf.get(r) + ", column " + column;
            }
        });
        return entry;
    }

    public static byte[] writeXlsx(FrameworkEntry framework) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet meta = workbook.createSheet("framework");
            List<String> values = List.of(
                    framework.key(),
                    framework.name(),
                    framework.edition(),
                    framework.kind(),
                    nullToEmpty(framework.publisher()),
                    nullToEmpty(framework.jurisdiction()),
                    nullToEmpty(framework.status()),
                    nullToEmpty(framework.summary()),
                    framework.provenance().tag(),
                    nullToEmpty(framework.provenance().source()));
            for (int i = 0; i < FRAMEWORK_FIELDS.size(); i++) {
                Row row = meta.createRow(i);
                row.createCell(0).setCellValue(FRAMEWORK_FIELDS.get(i));
                row.createCell(1).setCellValue(values.get(i));
            }
            Sheet sheet = workbook.createSheet("requirements");
            List<List<String>> rows = rows(framework);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writeCsv(FrameworkEntry framework) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (List<String> row : rows(framework)) {
                printer.printRecord(row.stream().map(CsvCells::escape).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<List<String>> rows(FrameworkEntry framework) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (RequirementEntry requirement : framework.requirements()) {
            rows.add(List.of(
                    requirement.ref(),
                    nullToEmpty(requirement.parent()),
                    nullToEmpty(requirement.kind()),
                    requirement.title(),
                    nullToEmpty(requirement.zh()),
                    String.join(" ", requirement.evidence()),
                    requirement.provenance() == null
                            ? ""
                            : requirement.provenance().tag(),
                    requirement.provenance() == null
                            ? ""
                            : nullToEmpty(requirement.provenance().source())));
        }
        return rows;
    }

    private static Map<String, String> nonBlank(Map<String, String> values) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    kept.put(k, v.strip());
                }
            });
        }
        return kept;
    }

    private static String text(DataFormatter format, Cell cell) {
        return cell == null ? "" : format.formatCellValue(cell);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
