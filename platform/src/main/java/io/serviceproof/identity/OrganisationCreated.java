package io.serviceproof.identity;

/**
 * Published inside the transaction that creates an organisation, so that other modules can give it
 * its starting data (the catalog installs the starter library) in the same commit.
 */
public record OrganisationCreated(Organisation organisation) {}
