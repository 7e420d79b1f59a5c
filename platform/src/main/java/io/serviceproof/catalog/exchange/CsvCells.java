package io.serviceproof.catalog.exchange;

/**
 * Keeps a spreadsheet program from running a CSV cell as a formula (CSV injection): a cell starting
 * with {@code = + - @}, a tab or a carriage return is written with a leading apostrophe, which
 * spreadsheets read as "text follows". Reading undoes exactly that, so export and import round-trip:
 * a value that itself starts with an apostrophe before such a character gets a second one.
 */
final class CsvCells {

    private static final String TRIGGERS = "=+-@\t\r";

    private CsvCells() {}

    static String escape(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return TRIGGERS.indexOf(value.charAt(0)) >= 0 || isEscaped(value) ? "'" + value : value;
    }

    static String unescape(String value) {
        return value != null && isEscaped(value) ? value.substring(1) : value;
    }

    private static boolean isEscaped(String value) {
        return value.length() > 1
                && value.charAt(0) == '\''
                && (TRIGGERS.indexOf(value.charAt(1)) >= 0 || value.charAt(1) == '\'');
    }
}
