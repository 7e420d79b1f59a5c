/**
 * The edge gateway ({@code serviceproof gateway}): runs at the plant, reads local MQTT brokers, signs
 * every event with its own device key, keeps them in a bounded store-and-forward spool on disk (forced
 * before anything is acknowledged upstream), and pushes them to the server with retries; event ids
 * make every resend harmless. It is not a ServiceProof server: no Spring, no database.
 */
@ApplicationModule(
        displayName = "Gateway",
        allowedDependencies = {"common", "ledger", "ingest"})
package io.serviceproof.gateway;

import org.springframework.modulith.ApplicationModule;
