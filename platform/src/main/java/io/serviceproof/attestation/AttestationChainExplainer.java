package io.serviceproof.attestation;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Recorded;
import io.serviceproof.catalog.recognition.AcceptanceRule;
import io.serviceproof.dossier.AttestationChains;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.verifier.credential.Claim;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Explains a body's credential to a buyer: the accreditation bodies it names and their standing in
 * the arrangements as the body's recognition layer on this server records it, and for each market
 * whose acceptance rule covers the certified framework, whether that standing is what the market
 * relies on. It never says a market accepts the certificate outright: the accreditation itself is
 * the body's statement, for the buyer to confirm in the accreditation body's directory.
 */
@Component
class AttestationChainExplainer implements AttestationChains {

    private final OrganisationDirectory organisations;
    private final ConformityBodies bodies;
    private final Catalog catalog;

    AttestationChainExplainer(OrganisationDirectory organisations, ConformityBodies bodies, Catalog catalog) {
        this.organisations = organisations;
        this.bodies = bodies;
        this.catalog = catalog;
    }

    @Override
    public Optional<Chain> chain(String issuerSlug, Claim claim) {
        Optional<Organisation> body =
                organisations.findBySlug(issuerSlug).filter(o -> bodies.body(o).isPresent());
        if (body.isEmpty() || claim.thirdParty().isEmpty()) {
            return Optional.empty();
        }
        Claim.ThirdParty attested = claim.thirdParty().get();
        return Optional.of(Tenancy.callAs(Actor.system(body.get().id(), "public:verify"), () -> {
            List<AccreditationLink> links = new ArrayList<>();
            List<Standing> all = new ArrayList<>();
            for (Claim.Authorisation a : attested.authorisations()) {
                List<Standing> standing = a.accreditationBody() == null
                        ? List.of()
                        : bodies.standing(a.accreditationBody()).stream()
                                .map(s -> new Standing(s.arrangement(), s.level(), s.status(), s.verified()))
                                .toList();
                all.addAll(standing);
                links.add(new AccreditationLink(a.name(), a.accreditationBody(), a.validUntil(), standing));
            }
            return new Chain(
                    attested.exporterCredential(), attested.exporterCredentialDigest(), links, markets(attested, all));
        }));
    }

    private List<MarketAcceptance> markets(Claim.ThirdParty attested, List<Standing> standing) {
        if (attested.certifiedFramework() == null
                || !attested.certifiedFramework().contains("@")) {
            return List.of();
        }
        String key = attested.certifiedFramework()
                .substring(0, attested.certifiedFramework().indexOf('@'));
        return catalog.acceptanceRules().stream()
                .map(Recorded::record)
                .filter(rule -> rule.frameworkKey().equals(key))
                .sorted(Comparator.comparing(AcceptanceRule::market))
                .map(rule -> new MarketAcceptance(rule.market(), requires(rule), outcome(rule, standing)))
                .toList();
    }

    private static String requires(AcceptanceRule rule) {
        if (!rule.requiresAccreditation()) {
            return "—";
        }
        return rule.requiresArrangement() + (rule.requiresLevel() == null ? "" : " L" + rule.requiresLevel());
    }

    private static String outcome(AcceptanceRule rule, List<Standing> standing) {
        if (!rule.requiresAccreditation()) {
            return "acceptable";
        }
        List<Standing> matching = standing.stream()
                .filter(s -> "signatory".equals(s.status()))
                .filter(s -> rule.requiresArrangement() == null
                        || rule.requiresArrangement().equals(s.arrangement()))
                .filter(s ->
                        rule.requiresLevel() == null || rule.requiresLevel().equals(s.level()))
                .toList();
        if (matching.isEmpty()) {
            return "not-signatory";
        }
        return matching.stream().anyMatch(Standing::verified) ? "acceptable" : "unreviewed";
    }
}
