package io.serviceproof.ledger;

/**
 * A log's integer key in storage, in place of its organisation's id in the log's high-volume
 * tables (ADR 011). {@link #NONE} belongs to no log and so matches no row.
 */
record LogId(long value) {

    static final LogId NONE = new LogId(0);
}
