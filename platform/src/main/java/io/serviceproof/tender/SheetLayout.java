package io.serviceproof.tender;

/**
 * Where one sheet of a buyer's list keeps its clauses and where the answers go back. Columns and rows
 * are 0-based; -1 is "none". A sheet without its own answer, reference and remarks columns gets
 * them after its last column ({@code added}), headed in the tender's language, so the buyer's columns
 * are never overwritten.
 *
 * @param sheet the sheet's name (CSV and pasted text: null)
 * @param headerRow the row of column titles, or -1 when the list has none
 */
public record SheetLayout(
        String sheet,
        int headerRow,
        int numberColumn,
        int textColumn,
        int answerColumn,
        int referenceColumn,
        int remarksColumn,
        boolean added) {}
