package io.serviceproof.dossier;

import io.serviceproof.verifier.credential.Claim;
import java.util.List;
import java.util.Optional;

/**
 * The chain behind a third party's credential, for the buyer's view: the exporter's declaration it
 * rests on, the accreditations it names with each accreditation body's standing in the
 * arrangements (as this server's recognition layer records it, reviewed or not), and, per market
 * whose acceptance rule covers the certified framework, whether that standing is what the market
 * relies on. Implemented by the attestation module; the verification page asks it when present.
 */
public interface AttestationChains {

    record Standing(String arrangement, Integer level, String status, boolean verified) {}

    record AccreditationLink(String name, String accreditationBody, String validUntil, List<Standing> standing) {}

    /**
     * @param outcome {@code acceptable} (the accreditation body is a reviewed signatory of what the
     *     market relies on: the accreditation itself is then for the buyer to confirm in its
     *     directory), {@code unreviewed} (a signatory, but no reviewer confirmed it), or
     *     {@code not-signatory}
     */
    record MarketAcceptance(String market, String requires, String outcome) {}

    record Chain(
            String exporterCredential,
            String exporterCredentialDigest,
            List<AccreditationLink> accreditations,
            List<MarketAcceptance> markets) {}

    /** The chain of a credential issued by an organisation of this server, when it is a third party's. */
    Optional<Chain> chain(String issuerSlug, Claim claim);
}
