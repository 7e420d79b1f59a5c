package io.serviceproof.tender;

import io.serviceproof.common.Sha256;
import io.serviceproof.verifier.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * The answered matrix, three ways. The buyer's own file with the answer, reference and remarks
 * columns filled and nothing else touched (XLSX: their sheets, formatting, formulas and other columns
 * as they were; CSV: their columns, delimiter and character set); and {@code matrix.json}, the
 * RFC 8785 canonical record of every clause and its answer, whose SHA-256 is the matrix digest: what
 * a credential can attest, and what shows the answers were not changed after submission.
 */
@Service
public class TenderExports {

    /** A file to download. */
    public record Export(String filename, String mediaType, byte[] content) {}

    private final Tenders tenders;

    TenderExports(Tenders tenders) {
        this.tenders = tenders;
    }

    /** matrix.json: the tender, its source file's digest, and every clause with its answer. */
    public Export matrixJson(String tenderId) {
        return new Export("matrix.json", "application/json", canonicalMatrix(tenderId));
    }

    /** SHA-256 of matrix.json. */
    public String digest(String tenderId) {
        return Sha256.hex(canonicalMatrix(tenderId));
    }

    private byte[] canonicalMatrix(String tenderId) {
        Tender tender = tenders.tender(tenderId);
        Map<String, Object> matrix = new LinkedHashMap<>();
        matrix.put("type", "serviceproof-tender-matrix/v1");
        matrix.put("tender", tender.id());
        matrix.put("title", tender.title());
        if (tender.buyer() != null) {
            matrix.put("buyer", tender.buyer());
        }
        matrix.put("source", Map.of("name", tender.sourceName(), "sha256", tender.sourceSha256()));
        List<Object> clauses = new ArrayList<>();
        for (TenderClause c : tenders.clauses(tenderId)) {
            Map<String, Object> clause = new LinkedHashMap<>();
            clause.put("position", c.position());
            if (c.sheet() != null) {
                clause.put("sheet", c.sheet());
            }
            clause.put("row", c.row() + 1);
            if (c.number() != null) {
                clause.put("number", c.number());
            }
            clause.put("text", c.text());
            if (c.answered()) {
                clause.put("answer", c.answer().token());
                clause.put("references", c.references() == null ? "" : c.references());
                if (c.remarks() != null) {
                    clause.put("remarks", c.remarks());
                }
                clause.put("flags", c.flags());
                clause.put("answeredBy", c.answeredBy());
                clause.put("answeredAt", c.answeredAt().toString());
            }
            clauses.add(clause);
        }
        matrix.put("clauses", clauses);
        try {
            return Json.canonicalBytesOf(matrix);
        } catch (io.serviceproof.verifier.json.JsonException e) {
            throw new IllegalStateException("a tender matrix is plain JSON", e);
        }
    }

    /** The buyer's file with the answers in it (pasted text: a new workbook of number, clause, answers). */
    public Export filled(String tenderId) {
        Tender tender = tenders.tender(tenderId);
        List<TenderClause> clauses = tenders.clauses(tenderId);
        return switch (tender.sourceFormat()) {
            // A macro-enabled workbook goes back as one: the buyer's macros are theirs, kept and never run here.
            case XLSX ->
                tender.sourceName().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsm")
                        ? new Export(filledName(tender.sourceName(), ".xlsm"), XLSM, xlsx(tender, clauses))
                        : new Export(filledName(tender.sourceName(), ".xlsx"), XLSX, xlsx(tender, clauses));
            case CSV -> new Export(filledName(tender.sourceName(), ".csv"), "text/csv", csv(tender, clauses));
            case TEXT -> new Export("tender-matrix.xlsx", XLSX, newWorkbook(tender, clauses));
        };
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12";

    private static String filledName(String source, String extension) {
        int dot = source.lastIndexOf('.');
        String stem = dot > 0 ? source.substring(0, dot) : source;
        return stem.replaceAll("[^\\p{L}\\p{N}._ -]", "_") + "-answered" + extension;
    }

    private byte[] xlsx(Tender tender, List<TenderClause> clauses) {
        try (InputStream in = tenders.source(tender);
                Workbook workbook = new XSSFWorkbook(in)) {
            for (SheetLayout layout : tender.layout()) {
                Sheet sheet = workbook.getSheet(layout.sheet());
                if (layout.added() && layout.headerRow() >= 0) {
                    Row header = row(sheet, layout.headerRow());
                    Cell titled = header.getCell(layout.textColumn());
                    List<String> titles = MatrixHeadings.of(tender.language());
                    write(header, layout.answerColumn(), titles.get(0), titled);
                    write(header, layout.referenceColumn(), titles.get(1), titled);
                    write(header, layout.remarksColumn(), titles.get(2), titled);
                }
                for (TenderClause c : clauses) {
                    if (!c.answered() || !layout.sheet().equals(c.sheet())) {
                        continue;
                    }
                    Row row = row(sheet, c.row());
                    Cell text = row.getCell(layout.textColumn());
                    write(row, layout.answerColumn(), c.answer().in(tender.language()), text);
                    write(row, layout.referenceColumn(), c.references(), text);
                    write(row, layout.remarksColumn(), remarks(c), text);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    /**
     * A text cell: the buyer's own cell keeps its style; a new one borrows the clause text's (borders,
     * wrapping), so the added columns look like theirs. Always a string: a reference starting with
     * "=" is text, never a formula.
     */
    private static void write(Row row, int column, String value, Cell styledLike) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            cell = row.createCell(column);
            if (styledLike != null) {
                CellStyle style = styledLike.getCellStyle();
                cell.setCellStyle(style);
            }
        }
        cell.setCellValue(value == null ? "" : value);
    }

    private static String remarks(TenderClause c) {
        return c.remarks() == null ? "" : c.remarks();
    }

    private byte[] csv(Tender tender, List<TenderClause> clauses) {
        SheetLayout layout = tender.layout().get(0);
        byte[] source;
        try (InputStream in = tenders.source(tender)) {
            source = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RequirementListReader.Decoded decoded = RequirementListReader.decode(source);
        char delimiter = RequirementListReader.delimiter(decoded.text());
        Map<Integer, TenderClause> byRow = new LinkedHashMap<>();
        clauses.stream().filter(TenderClause::answered).forEach(c -> byRow.put(c.row(), c));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (decoded.bom()) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, decoded.charset()), format)) {
            int r = 0;
            for (CSVRecord record : format.parse(new StringReader(decoded.text()))) {
                List<String> cells = new ArrayList<>(record.toList());
                if (r == layout.headerRow() && layout.added()) {
                    List<String> titles = MatrixHeadings.of(tender.language());
                    set(cells, layout.answerColumn(), titles.get(0));
                    set(cells, layout.referenceColumn(), titles.get(1));
                    set(cells, layout.remarksColumn(), titles.get(2));
                }
                TenderClause c = byRow.get(r);
                if (c != null) {
                    set(cells, layout.answerColumn(), c.answer().in(tender.language()));
                    set(cells, layout.referenceColumn(), inert(c.references()));
                    set(cells, layout.remarksColumn(), inert(remarks(c)));
                }
                printer.printRecord(cells);
                r++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void set(List<String> cells, int column, String value) {
        while (cells.size() <= column) {
            cells.add("");
        }
        cells.set(column, value == null ? "" : value);
    }

    /**
     * A value a spreadsheet opening the CSV must not run: text starting with = + - @ (or a tab or
     * carriage return before one) is prefixed with an apostrophe (OWASP, CSV injection).
     */
    static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    private byte[] newWorkbook(Tender tender, List<TenderClause> clauses) {
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Matrix");
            List<String> titles = MatrixHeadings.of(tender.language());
            Row header = sheet.createRow(0);
            List<String> headings = List.of("No.", "Clause", titles.get(0), titles.get(1), titles.get(2));
            for (int i = 0; i < headings.size(); i++) {
                header.createCell(i).setCellValue(headings.get(i));
            }
            int r = 1;
            for (TenderClause c : clauses) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(c.number() == null ? String.valueOf(c.position()) : c.number());
                row.createCell(1).setCellValue(c.text());
                row.createCell(2).setCellValue(c.answered() ? c.answer().in(tender.language()) : "");
                row.createCell(3).setCellValue(c.references() == null ? "" : c.references());
                row.createCell(4).setCellValue(remarks(c));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
