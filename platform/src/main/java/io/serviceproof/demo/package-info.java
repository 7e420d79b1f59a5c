/**
 * The demo organisation a visitor explores on a fresh installation: a machine maker exporting a CNC
 * line with AI remote quality inspection, cloud remote maintenance and a warehouse SaaS to Vietnam
 * and Thailand, with its offering, published service layers and evidence in the vault. A second, fictitious organisation is a
 * certification body that has reviewed the demo's Thai assessment and attested it. Created once, on
 * the first start; never touched again.
 */
@ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {
            "identity",
            "identity :: users",
            "catalog",
            "evidence",
            "evidence :: people",
            "services",
            "assessment",
            "ledger",
            "sla",
            "dossier",
            "attestation",
            "devices",
            "tender"
        })
package io.serviceproof.demo;

import org.springframework.modulith.ApplicationModule;
