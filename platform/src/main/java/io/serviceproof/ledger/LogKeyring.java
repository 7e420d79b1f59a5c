package io.serviceproof.ledger;

import io.serviceproof.common.MasterKey;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.note.Ed25519;
import io.serviceproof.verifier.note.SignerKey;
import io.serviceproof.verifier.note.VerifierKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each organisation's log key, created on first use. The private seed exists in the clear only in
 * memory here; it is never logged, exported or served.
 */
@Component
class LogKeyring {

    private final LogKeys keys;
    private final MasterKey masterKey;
    private final LogOrigins origins;
    private final Clock clock;
    private final Map<OrganisationId, SignerKey> signers = new ConcurrentHashMap<>();

    LogKeyring(LogKeys keys, MasterKey masterKey, LogOrigins origins, Clock clock) {
        this.keys = keys;
        this.masterKey = masterKey;
        this.origins = origins;
        this.clock = clock;
    }

    SignerKey signer(OrganisationId organisation) {
        return signers.computeIfAbsent(organisation, this::loadOrCreate);
    }

    VerifierKey verifierKey(OrganisationId organisation) {
        return signer(organisation).verifierKey();
    }

    private SignerKey loadOrCreate(OrganisationId organisation) {
        LogKeys.StoredKey stored = keys.find(organisation).orElseGet(() -> create(organisation));
        byte[] seed = masterKey.unseal(stored.sealedSeed(), organisation.toString());
        try {
            SignerKey signer = SignerKey.fromSeed(stored.name(), seed);
            if (!Arrays.equals(Ed25519.rawPublicKey(Ed25519.fromSeed(seed).getPublic()), stored.publicKey())) {
                throw new IllegalStateException(
                        "the stored log key of " + organisation + " does not match its public key");
            }
            return signer;
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private LogKeys.StoredKey create(OrganisationId organisation) {
        String name = origins.origin(organisation);
        byte[] seed = Ed25519.newSeed();
        try {
            byte[] publicKey = Ed25519.rawPublicKey(Ed25519.fromSeed(seed).getPublic());
            LogKeys.StoredKey key =
                    new LogKeys.StoredKey(name, publicKey, masterKey.seal(seed, organisation.toString()));
            return keys.insertIfAbsent(organisation, key, clock.instant());
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
