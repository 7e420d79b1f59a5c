/**
 * Third-party attestation: an organisation can be a conformity-assessment body (certification,
 * inspection, testing) with its accreditations; an exporter engages a body on one of its
 * credentials, which gives the body's people read access to a frozen, scoped snapshot for a limited
 * time (every access recorded in the exporter's trail and log); the body reviews requirement by
 * requirement, raising findings that become actions in the exporter's plan, samples the exporter's
 * log and checks each inclusion proof itself, and issues its own UNTP credential, which the
 * exporter's recognition layer then counts. {@link io.serviceproof.attestation.Engagements},
 * {@link io.serviceproof.attestation.Findings}, {@link io.serviceproof.attestation.Attestations} and
 * {@link io.serviceproof.attestation.ConformityBodies} are the API; ADR 017 gives the trust model.
 */
@ApplicationModule(
        displayName = "Third-party attestation",
        allowedDependencies = {
            "common",
            "identity",
            "catalog",
            "catalog :: recognition",
            "evidence",
            "evidence :: people",
            "services",
            "assessment",
            "ledger",
            "dossier"
        })
package io.serviceproof.attestation;

import org.springframework.modulith.ApplicationModule;
