/**
 * Devices that sign their own service-delivery events: the registry of each organisation's device
 * keys (Ed25519, generated on the device; only public keys are stored), their lifecycle (active,
 * suspended, retired; each change an entry of the log, so {@code serviceproof-verify log} knows every
 * key and checks every signed event offline), the check of every signed event before the log takes
 * it, and what arrived from each device (signed events, last seen, clock skew). ADR 018.
 */
@ApplicationModule(
        displayName = "Devices",
        allowedDependencies = {"common", "identity", "services", "ledger"})
package io.serviceproof.devices;

import org.springframework.modulith.ApplicationModule;
