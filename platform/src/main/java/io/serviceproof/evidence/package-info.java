/**
 * The evidence vault: files stored once per SHA-256 (content-addressed), with what the organisation
 * says about them — type (E1–E9 or its own), effective date, validity, owner, review status — in
 * immutable versions, linked to catalog requirements and service layers. Registration and approval
 * are appended to the organisation's log with the file's digest, so the file's existence at that
 * time can be proven later. {@link io.serviceproof.evidence.Vault} is what other modules use.
 */
@ApplicationModule(
        displayName = "Evidence",
        allowedDependencies = {"common", "identity", "identity :: users", "ledger", "catalog"})
package io.serviceproof.evidence;

import org.springframework.modulith.ApplicationModule;
