package io.serviceproof.ledger;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.OrganisationId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each log's signing key: the public key in the clear, the seed sealed under the master key. */
@Repository
class LogKeys {

    private final JdbcClient jdbc;

    LogKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredKey(String name, byte[] publicKey, byte[] sealedSeed) {}

    /** Inserts unless a key exists; returns whichever key is stored afterwards. */
    StoredKey insertIfAbsent(OrganisationId organisation, StoredKey key, Instant at) {
        jdbc.sql("""
                        INSERT INTO log_keys (organisation_id, key_name, public_key, sealed_seed, created_at)
                        VALUES (:org, :name, :publicKey, :sealedSeed, :at) ON CONFLICT (organisation_id) DO NOTHING
                        """)
                .param("org", organisation.toString())
                .param("name", key.name())
                .param("publicKey", key.publicKey())
                .param("sealedSeed", key.sealedSeed())
                .param("at", Timestamps.toMillis(at))
                .update();
        return find(organisation).orElseThrow();
    }

    Optional<StoredKey> find(OrganisationId organisation) {
        return jdbc.sql("SELECT key_name, public_key, sealed_seed FROM log_keys WHERE organisation_id = :org")
                .param("org", organisation.toString())
                .query((row, n) -> new StoredKey(row.getString(1), row.getBytes(2), row.getBytes(3)))
                .optional();
    }
}
