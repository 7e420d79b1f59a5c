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

    RevocationLists(CredentialRows rows, IssuerIdentity identity, IssuerSigner signer) {
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
     * The list as a signed BitstringStatusListCredential, signed as of its last change (an issuance
     * or a revocation), so the same list always serves the same bytes.
     */
    String credential(Organisation organisation) {
        BitstringStatusList list = BitstringStatusList.empty();
        for (int index : rows.revokedIndexes(organisation.id())) {
            list = list.with(index, true);
        }
        Instant asOf = rows.listChangedAt(organisation.id())
                .orElse(organisation.createdAt())
                .truncatedTo(ChronoUnit.SECONDS);
        String url = identity.statusListUrl(organisation);
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(ConformityCredentials.VC_CONTEXT));
        vc.put("id", url);
        vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        vc.put("issuer", identity.did(organisation));
        vc.put("validFrom", asOf.toString());
        vc.put(
                "credentialSubject",
                Map.of(
                        "id",
                        url + "#list",
                        "type",
                        "BitstringStatusList",
                        "statusPurpose",
                        "revocation",
                        "encodedList",
                        list.encode()));
        return signer.sign(organisation, vc, asOf);
    }
}
