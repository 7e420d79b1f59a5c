package io.serviceproof.tender;

import java.util.Locale;

/** How a requirement list arrived; the export answers in the same form. */
public enum TenderFormat {
    XLSX,
    CSV,
    TEXT;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From a file's name: .xlsx, .csv or .tsv, anything else is text (one clause per line). */
    static TenderFormat ofFilename(String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return XLSX;
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return CSV;
        }
        return TEXT;
    }
}
