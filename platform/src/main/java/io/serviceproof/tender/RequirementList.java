package io.serviceproof.tender;

import java.util.List;

/**
 * A buyer's requirement list as read: where each sheet keeps its clauses, and the clauses in the
 * buyer's order with their own numbering.
 *
 * @param charset the CSV's character set, kept so the export writes what the buyer's tools read
 */
record RequirementList(TenderFormat format, String charset, List<SheetLayout> sheets, List<Listed> clauses) {

    /** One clause where the buyer put it: sheet (null outside XLSX), 0-based row, number, text. */
    record Listed(String sheet, int row, String number, String text) {}
}
