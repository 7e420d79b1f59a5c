package io.serviceproof.dossier;

import io.serviceproof.assessment.AssessmentView;
import io.serviceproof.evidence.EvidenceFilter;
import io.serviceproof.evidence.EvidenceLink;
import io.serviceproof.evidence.EvidenceSummary;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Vault;
import io.serviceproof.services.Offerings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The evidence an attestation rests on: approved, current evidence linked to a requirement the
 * assessment covers or to one of the offering's layers. The credential lists their digests and log
 * proofs; the dossier carries the files.
 */
@Component
public class AttestedEvidence {

    private final Vault vault;
    private final Offerings offerings;
    private final Clock clock;

    AttestedEvidence(Vault vault, Offerings offerings, Clock clock) {
        this.vault = vault;
        this.offerings = offerings;
        this.clock = clock;
    }

    public List<EvidenceSummary> of(AssessmentView view, String offeringId) {
        Set<String> requirements = new TreeSet<>();
        view.results().forEach(r -> requirements.add(r.requirementId()));
        Set<String> layers = new TreeSet<>();
        offerings.layers(offeringId).forEach(l -> layers.add(l.id()));
        Set<String> items = new TreeSet<>();
        for (EvidenceLink link : vault.allLinks()) {
            if ((link.kind() == LinkTarget.REQUIREMENT && requirements.contains(link.targetId()))
                    || (link.kind() == LinkTarget.SERVICE_LAYER && layers.contains(link.targetId()))) {
                items.add(link.itemId());
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return vault.find(EvidenceFilter.all()).stream()
                .filter(e -> items.contains(e.item().id()) && e.latest().countsOn(today))
                .sorted((a, b) -> a.item().id().compareTo(b.item().id()))
                .toList();
    }
}
