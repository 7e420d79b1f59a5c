/**
 * How events arrive besides the HTTP API: subscriptions to an organisation's MQTT brokers (3.1.1 and
 * 5, QoS 1), each message acknowledged to the broker only once its events are durably in the log, so
 * a broker or server restart loses nothing and a redelivered message is an idempotent retry; and bulk
 * imports of historical events (JSON Lines, CSV), kept whole, logged in resumable batches.
 */
@ApplicationModule(
        displayName = "Ingest",
        allowedDependencies = {"common", "identity", "ledger"})
package io.serviceproof.ingest;

import org.springframework.modulith.ApplicationModule;
