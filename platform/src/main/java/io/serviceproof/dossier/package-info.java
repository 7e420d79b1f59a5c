/**
 * What the exporter hands to a buyer, tender committee or certification body: conformity
 * credentials (W3C VC 2.0, UNTP Digital Conformity Credential, Data Integrity eddsa-jcs-2022),
 * issued by the organisation as {@code did:web}, revocable through a Bitstring Status List, each
 * issuance and revocation appended to the organisation's log; and the dossier that bundles a
 * credential with everything needed to check it offline. {@link io.serviceproof.dossier.Credentials}
 * and {@link io.serviceproof.dossier.Dossiers} are the API.
 */
@ApplicationModule(
        displayName = "Dossier",
        allowedDependencies = {"common", "identity", "ledger", "services", "assessment", "evidence", "sla", "devices"})
package io.serviceproof.dossier;

import org.springframework.modulith.ApplicationModule;
