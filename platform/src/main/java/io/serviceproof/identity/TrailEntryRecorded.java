package io.serviceproof.identity;

/**
 * Published, inside the recording transaction, for every line written to the user-action trail,
 * so that the ledger can append it to the organisation's verifiable log in the same commit.
 */
public record TrailEntryRecorded(OrganisationId organisationId, TrailEntry entry) {}
