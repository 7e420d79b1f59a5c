package io.serviceproof.dossier;

import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.AssessmentView;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.identity.Organisation;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.sla.SlaAttainment;
import io.serviceproof.sla.SlaBreach;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Gathers what a credential attests, once: the signed-off assessment and its results, the layer
 * versions published by then, the evidence it rests on, the measured service levels, and the log
 * proof of each fact against a checkpoint published just before.
 */
@Component
class AttestationFacts {

    private final Assessments assessments;
    private final Offerings offerings;
    private final LogReader logReader;
    private final AttestedEvidence attested;
    private final SlaAttainment sla;
    private final IssuerIdentity identity;

    AttestationFacts(
            Assessments assessments,
            Offerings offerings,
            LogReader logReader,
            AttestedEvidence attested,
            SlaAttainment sla,
            IssuerIdentity identity) {
        this.assessments = assessments;
        this.offerings = offerings;
        this.logReader = logReader;
        this.attested = attested;
        this.sla = sla;
        this.identity = identity;
    }

    ConformityCredentials.Facts gather(
            Assessment assessment, Organisation issuer, String credentialId, int statusIndex, Instant now) {
        // The proofs below need the facts in a published checkpoint.
        logReader.publishNow(issuer.id());
        AssessmentView view = assessments.view(assessment.id());
        List<ConformityCredentials.CoveredLayer> layers = new ArrayList<>();
        for (ServiceLayer layer : offerings.layers(assessment.offeringId())) {
            offerings.versions(layer.id()).stream()
                    .filter(v -> !v.publishedAt().isAfter(assessment.signedAt()))
                    .reduce((a, b) -> b.version() > a.version() ? b : a)
                    .ifPresent(v -> layers.add(new ConformityCredentials.CoveredLayer(
                            layer.code(), layer.name(), v, proof(issuer, v.ledgerIndex()))));
        }
        List<ConformityCredentials.AttestedFile> files = attested.of(view, assessment.offeringId()).stream()
                .map(e -> new ConformityCredentials.AttestedFile(
                        e.item().title(),
                        e.latest().version(),
                        e.latest().sha256(),
                        e.latest().ledgerIndex(),
                        e.latest().ledgerIndex() == null
                                ? null
                                : proof(issuer, e.latest().ledgerIndex()),
                        e.latest().approvalLedgerIndex(),
                        e.latest().approvalLedgerIndex() == null
                                ? null
                                : proof(issuer, e.latest().approvalLedgerIndex())))
                .toList();
        return new ConformityCredentials.Facts(
                credentialId,
                issuer,
                identity.did(issuer),
                identity.credentialUrl(issuer, credentialId),
                identity.statusListUrl(issuer),
                identity.contextUrl(),
                statusIndex,
                offerings.offering(assessment.offeringId()),
                assessment,
                view,
                proof(issuer, assessment.ledgerIndex()),
                layers,
                files,
                attainment(assessment.offeringId()),
                now);
    }

    /** Each layer's measured service levels: the tracker's last closed period and recent breaches. */
    private List<ConformityCredentials.Attainment> attainment(String offeringId) {
        List<ServiceLayer> layers = offerings.layers(offeringId);
        List<SlaBreach> breaches = sla.recentBreaches(layers);
        List<ConformityCredentials.Attainment> attainment = new ArrayList<>();
        for (ServiceLayer layer : layers) {
            var a = sla.lastClosedPeriod(layer);
            long layerBreaches = breaches.stream()
                    .filter(b -> b.layerId().equals(layer.id()))
                    .count();
            attainment.add(new ConformityCredentials.Attainment(
                    layer.code(), a.period(), a.met(), a.measured(), a.published(), (int) layerBreaches));
        }
        return attainment;
    }

    private String proof(Organisation issuer, long index) {
        return new String(logReader.tlogProof(issuer.id(), index), StandardCharsets.UTF_8);
    }
}
