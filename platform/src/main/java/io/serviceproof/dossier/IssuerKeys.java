package io.serviceproof.dossier;

import io.serviceproof.common.MasterKey;
import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.note.Ed25519;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each organisation's credential-issuing Ed25519 key, created on first use, separate from its log
 * key. The seed is sealed under the master key (bound to the organisation and to this purpose) and
 * exists in the clear only while signing.
 */
@Component
class IssuerKeys {

    private final JdbcClient jdbc;
    private final MasterKey masterKey;
    private final Clock clock;

    IssuerKeys(JdbcClient jdbc, MasterKey masterKey, Clock clock) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.clock = clock;
    }

    /** The raw 32-byte public key. */
    byte[] publicKey(OrganisationId organisation) {
        return stored(organisation).publicKey();
    }

    /** Signs with the organisation's key; the seed is wiped after use. */
    <T> T withSeed(OrganisationId organisation, java.util.function.Function<byte[], T> use) {
        byte[] seed = masterKey.unseal(stored(organisation).sealedSeed(), purpose(organisation));
        try {
            return use.apply(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private record Stored(byte[] publicKey, byte[] sealedSeed) {}

    private Stored stored(OrganisationId organisation) {
        return find(organisation).orElseGet(() -> {
            byte[] seed = Ed25519.newSeed();
            try {
                byte[] publicKey = Ed25519.rawPublicKey(Ed25519.fromSeed(seed).getPublic());
                jdbc.sql("""
                                INSERT INTO issuer_keys (organisation_id, public_key, sealed_seed, created_at)
                                VALUES (:org, :publicKey, :sealed, :at)
                                ON CONFLICT (organisation_id) DO NOTHING
                                """)
                        .param("org", organisation.toString())
                        .param("publicKey", Base64.getEncoder().encodeToString(publicKey))
                        .param(
                                "sealed",
                                Base64.getEncoder().encodeToString(masterKey.seal(seed, purpose(organisation))))
                        .param("at", Timestamps.toMillis(clock.instant()))
                        .update();
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
            // Another node may have created it first: theirs is the key.
            return find(organisation).orElseThrow();
        });
    }

    private Optional<Stored> find(OrganisationId organisation) {
        return jdbc.sql("SELECT public_key, sealed_seed FROM issuer_keys WHERE organisation_id = :org")
                .param("org", organisation.toString())
                .query((row, n) -> new Stored(
                        Base64.getDecoder().decode(row.getString("public_key")),
                        Base64.getDecoder().decode(row.getString("sealed_seed"))))
                .optional();
    }

    private static String purpose(OrganisationId organisation) {
        return "issuer:" + organisation;
    }
}
