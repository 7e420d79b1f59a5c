/**
 * Offerings (a hardware + services bundle sold into target markets) and their service layers. Each
 * layer has an editable draft — service-level description, SLA with its objectives, data-flow
 * diagram, validation method, failure-response protocols — and immutable published versions:
 * RFC 8785 canonical JSON, hashed with SHA-256 and appended to the organisation's log. Built-in
 * templates propose the content of domain reference §5 for the three service types.
 * {@link io.serviceproof.services.Offerings} is what other modules use.
 */
@ApplicationModule(
        displayName = "Services",
        allowedDependencies = {"common", "identity", "identity :: users", "ledger", "catalog", "evidence"})
package io.serviceproof.services;

import org.springframework.modulith.ApplicationModule;
