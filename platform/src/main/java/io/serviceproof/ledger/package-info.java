/**
 * The verifiable service-delivery log: one RFC 9162 Merkle tree per organisation, sequenced in the
 * database, published as C2SP checkpoints (signed with the organisation's Ed25519 log key) and
 * tlog-tiles, with inclusion and consistency proofs. Other modules record auditable acts through
 * {@link io.serviceproof.ledger.Ledger}; the user-action trail is appended automatically.
 */
@ApplicationModule(
        displayName = "Ledger",
        allowedDependencies = {"common", "identity"})
package io.serviceproof.ledger;

import org.springframework.modulith.ApplicationModule;
