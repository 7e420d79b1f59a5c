package io.serviceproof.catalog.exchange;

/**
 * One reason a document was rejected. {@code location} points into the document the user sent: a
 * JSON pointer for OSCAL, a path such as {@code frameworks[0].requirements[12].parent} for YAML, or
 * {@code requirements!row 12, column parent} for spreadsheets.
 */
public record DocumentError(String location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
