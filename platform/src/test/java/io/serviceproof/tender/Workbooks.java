package io.serviceproof.tender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Buyers' workbooks as tests need them: sheets of rows, the first cell of each header bold-filled. */
final class Workbooks {

    private Workbooks() {}

    /** A sheet: its name and rows of cells. */
    record SheetRows(String name, List<List<String>> rows) {}

    static byte[] xlsx(SheetRows... sheets) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle filled = book.createCellStyle();
            filled.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            filled.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            for (SheetRows s : sheets) {
                Sheet sheet = book.createSheet(s.name());
                for (int r = 0; r < s.rows().size(); r++) {
                    Row row = sheet.createRow(r);
                    List<String> cells = s.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        if (cells.get(c) != null) {
                            row.createCell(c).setCellValue(cells.get(c));
                            row.getCell(c).setCellStyle(filled);
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
