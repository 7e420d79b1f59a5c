package io.serviceproof.catalog.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvCellsTests {

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
        for (String formula :
                new String[] {"=HYPERLINK(\"http://x\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertThat(CsvCells.escape(formula)).isEqualTo("'" + formula);
        }
        assertThat(CsvCells.escape("A.5.1 Policies")).isEqualTo("A.5.1 Policies");
        assertThat(CsvCells.escape("'quoted")).isEqualTo("'quoted");
    }

    @Test
    void exportAndImportRoundTripEveryValue() {
        Random random = new Random(42);
        String alphabet = "'=+-@\t\rAb 1";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(5); n > 0; n--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String escaped = CsvCells.escape(value.toString());
            assertThat(CsvCells.unescape(escaped)).isEqualTo(value.toString());
            assertThat(escaped.isEmpty() || "=+-@\t\r".indexOf(escaped.charAt(0)) < 0)
                    .as("exported cell %s starts like a formula", escaped)
                    .isTrue();
        }
    }
}
