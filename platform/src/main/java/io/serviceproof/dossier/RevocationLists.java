package io.serviceproof.dossier;

import io.serviceproof.identity.Organisation;
import io.serviceproof.verifier.credential.BitstringStatusList;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Each organisation's Bitstring Status List: places for new credentials, and the signed list. */
@Component
class RevocationLists {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CredentialRows rows;
    private final IssuerIdentity identity;
    private final IssuerSigner signer;

    private final java.time.Duration ttl;
    private final java.time.Clock clock;

    RevocationLists(
            CredentialRows rows,
            IssuerIdentity identity,
            IssuerSigner signer,
            @org.springframework.beans.factory.annotation.Value("${serviceproof.credentials.status-list-ttl:24h}")
                    java.time.Duration ttl,
            java.time.Clock clock) {
        if (ttl.toSeconds() < 2) {
            throw new IllegalArgumentException("serviceproof.credentials.status-list-ttl must be at least 2 s");
        }
        this.ttl = ttl;
        this.clock = clock;
        this.rows = rows;
        this.identity = identity;
        this.signer = signer;
    }

    /** A random free place in the acting organisation's list: issue order would tell how many were issued. */
    int freeIndex() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int index = RANDOM.nextInt(BitstringStatusList.MINIMUM_ENTRIES);
            if (!rows.statusIndexTaken(index)) {
                return index;
            }
        }
        throw new IllegalStateException("the status list is nearly full");
    }

    /**
     * The list as a signed BitstringStatusListCredential. It is valid for {@code ttl} from
     * {@code validFrom}, which is its last change (an issuance or a revocation) or the start of the
     * current half-TTL window, whichever is later: so a list is re-signed before it lapses, a verifier
     * always receives one with at least half its lifetime left, and within a window the same list
     * serves the same bytes.
     */
    String credential(Organisation organisation) {
        return list(
                organisation,
                "revocation",
                identity.statusListUrl(organisation),
                rows.revokedIndexes(organisation.id()),
                rows.listChangedAt(organisation.id()));
    }

    /** The suspension list, the same way: a body's suspended credentials have their bit set until reinstated. */
    String suspensionCredential(Organisation organisation) {
        return list(
                organisation,
                "suspension",
                identity.suspensionListUrl(organisation),
                rows.suspendedIndexes(organisation.id()),
                rows.suspensionChangedAt(organisation.id()));
    }

    private String list(
            Organisation organisation,
            String purpose,
            String url,
            List<Integer> setIndexes,
            java.util.Optional<Instant> lastChange) {
        BitstringStatusList list = BitstringStatusList.empty();
        for (int index : setIndexes) {
            list = list.with(index, true);
        }
        Instant changed = lastChange.orElse(organisation.createdAt()).truncatedTo(ChronoUnit.SECONDS);
        long half = Math.max(1, ttl.toSeconds() / 2);
        Instant window = Instant.ofEpochSecond(clock.instant().getEpochSecond() / half * half);
        Instant asOf = changed.isAfter(window) ? changed : window;
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(ConformityCredentials.VC_CONTEXT));
        vc.put("id", url);
        vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        vc.put("issuer", identity.did(organisation));
        vc.put("validFrom", asOf.toString());
        vc.put("validUntil", asOf.plus(ttl).toString());
        vc.put(
                "credentialSubject",
                Map.of(
                        "id",
                        url + "#list",
                        "type",
                        "BitstringStatusList",
                        "statusPurpose",
                        purpose,
                        "encodedList",
                        list.encode()));
        return signer.sign(organisation, vc, asOf);
    }
}
