package io.serviceproof.watch;

import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Framework;
import io.serviceproof.catalog.MappingEdits;
import io.serviceproof.catalog.MappingStatus;
import io.serviceproof.catalog.MappingView;
import io.serviceproof.catalog.Requirement;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.dossier.Credentials;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Vault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Works out what a tracked change makes stale, reading the other modules' public APIs only. */
@Component
class WatchImpact {

    private final Catalog catalog;
    private final Vault vault;
    private final Assessments assessments;
    private final Credentials credentials;
    private final MappingEdits mappings;

    WatchImpact(Catalog catalog, Vault vault, Assessments assessments, Credentials credentials, MappingEdits mappings) {
        this.mappings = mappings;
        this.catalog = catalog;
        this.vault = vault;
        this.assessments = assessments;
        this.credentials = credentials;
    }

    Optional<Framework> framework(String reference) {
        if (reference == null || !reference.contains("@")) {
            return Optional.empty();
        }
        String[] parts = reference.split("@", 2);
        return catalog.frameworks().stream()
                .filter(f -> f.key().equals(parts[0]) && f.edition().equals(parts[1]))
                .findFirst();
    }

    Impact of(TrackedItem item) {
        Optional<Framework> found = framework(item.frameworkRef());
        if (found.isEmpty()) {
            return new Impact(null, null, 0, List.of(), 0, List.of(), List.of(), List.of(), certificates(item));
        }
        Framework framework = found.get();
        Optional<Framework> replacement = framework(item.replacedByRef());
        List<Requirement> requirements = catalog.requirements(framework.id());
        Set<String> requirementIds = requirements.stream().map(Requirement::id).collect(Collectors.toSet());
        Set<String> carriedRefs = replacement
                .map(r -> catalog.requirements(r.id()).stream()
                        .map(Requirement::refId)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());

        List<Impact.Link> mappings = new ArrayList<>();
        int carried = 0;
        for (Requirement requirement : requirements) {
            for (MappingView view : catalog.mappingsOf(requirement.id())) {
                if (view.mapping().status() != MappingStatus.CONFIRMED) {
                    continue;
                }
                boolean carriesOver = carriedRefs.contains(requirement.refId());
                carried += carriesOver ? 1 : 0;
                mappings.add(new Impact.Link(
                        view.sourceFramework().label() + " " + view.source().refId() + " → "
                                + view.targetFramework().label() + " "
                                + view.target().refId(),
                        "/catalog/mappings/" + view.mapping().id(),
                        carriesOver ? "clause id carries over" : "clause id not in the new edition"));
            }
        }

        Map<String, String> evidence = new LinkedHashMap<>();
        vault.allLinks().stream()
                .filter(link -> link.kind() == LinkTarget.REQUIREMENT && requirementIds.contains(link.targetId()))
                .forEach(link -> evidence.putIfAbsent(link.itemId(), link.targetId()));
        Map<String, String> refs = new HashMap<>();
        requirements.forEach(r -> refs.put(r.id(), r.refId()));
        List<Impact.Link> evidenceLinks = evidence.entrySet().stream()
                .map(e -> new Impact.Link(
                        vault.detail(e.getKey()).item().title(),
                        "/evidence/" + e.getKey(),
                        "linked to " + refs.get(e.getValue())))
                .toList();

        List<Assessment> affected = assessments.assessments().stream()
                .filter(a -> reliesOn(a.market(), framework))
                .toList();
        List<Impact.Link> assessmentLinks = affected.stream()
                .map(a -> new Impact.Link(
                        a.title(),
                        "/assessments/" + a.id(),
                        a.signedOff() ? "signed off against the old edition" : "open: an action is added"))
                .toList();
        Set<String> affectedIds = affected.stream().map(Assessment::id).collect(Collectors.toSet());
        List<Impact.Link> credentialLinks = credentials.credentials().stream()
                .filter(c -> !c.revoked() && affectedIds.contains(c.assessmentId()))
                .map(c -> new Impact.Link(
                        c.market() + " credential of " + c.issuedAt().toString().substring(0, 10),
                        "/credentials",
                        "rests on an assessment against the old edition"))
                .toList();
        return new Impact(
                new Impact.Link(framework.label(), "/catalog/frameworks/" + framework.id(), null),
                replacement
                        .map(r -> new Impact.Link(
                                r.label(),
                                "/catalog/frameworks/" + r.id() + "/diff?from=" + framework.id(),
                                "what changed"))
                        .orElse(null),
                requirements.size(),
                mappings,
                carried,
                evidenceLinks,
                assessmentLinks,
                credentialLinks,
                certificates(item));
    }

    /**
     * Offers each confirmed mapping of the old edition again on the new one, where the clause id
     * carries over: as a proposal (a person confirms it), never as a confirmed mapping. Returns how
     * many were proposed; a pair that already has a mapping is left alone.
     */
    int migrateMappings(TrackedItem item) {
        Optional<Framework> from = framework(item.frameworkRef());
        Optional<Framework> to = framework(item.replacedByRef());
        if (from.isEmpty() || to.isEmpty()) {
            throw new io.serviceproof.common.InvalidInputException(
                    "replacedBy", "both the old and the new edition must be in the catalog to migrate mappings");
        }
        Map<String, Requirement> newByRef = new HashMap<>();
        catalog.requirements(to.get().id()).forEach(r -> newByRef.put(r.refId(), r));
        int proposed = 0;
        for (Requirement old : catalog.requirements(from.get().id())) {
            Requirement successor = newByRef.get(old.refId());
            if (successor == null) {
                continue;
            }
            for (MappingView view : catalog.mappingsOf(old.id())) {
                if (view.mapping().status() != MappingStatus.CONFIRMED) {
                    continue;
                }
                boolean oldIsSource = view.source().id().equals(old.id());
                String other = oldIsSource ? view.target().id() : view.source().id();
                if (other.equals(successor.id()) || mapped(successor.id(), other)) {
                    continue;
                }
                mappings.create(
                        oldIsSource ? successor.id() : other,
                        oldIsSource ? other : successor.id(),
                        new MappingEdits.MappingFields(
                                view.mapping().relationship(),
                                view.mapping().rationale(),
                                view.mapping().strength(),
                                view.mapping().confidence(),
                                MappingStatus.PROPOSED,
                                "Carried over from " + from.get().label() + " " + old.refId()
                                        + " by the standards watch; confirm after checking what changed"),
                        "watch-migration");
                proposed++;
            }
        }
        return proposed;
    }

    /** Whether the two requirements are mapped already (either way round): whoever did it decided. */
    private boolean mapped(String requirementId, String otherId) {
        return catalog.mappingsOf(requirementId).stream()
                .anyMatch(
                        v -> v.source().id().equals(otherId) || v.target().id().equals(otherId));
    }

    /** The requirement ids of the old edition, for attaching actions. */
    Set<String> requirementIds(TrackedItem item) {
        return framework(item.frameworkRef())
                .map(f -> catalog.requirements(f.id()).stream()
                        .map(Requirement::id)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    List<Assessment> openAssessments(TrackedItem item) {
        return framework(item.frameworkRef())
                .map(f -> assessments.assessments().stream()
                        .filter(a -> !a.signedOff() && reliesOn(a.market(), f))
                        .toList())
                .orElse(List.of());
    }

    private boolean reliesOn(String marketCode, Framework framework) {
        try {
            return catalog.rules(catalog.market(marketCode)).stream()
                    .anyMatch(r -> r.frameworkKey().equals(framework.key())
                            && r.frameworkEdition().equals(framework.edition()));
        } catch (NotFoundException e) {
            return false;
        }
    }

    private List<Impact.Link> certificates(TrackedItem item) {
        if (item.frameworkRef() == null) {
            return List.of();
        }
        return catalog.conformityResults().stream()
                .filter(r -> item.frameworkRef().equals(r.record().framework()))
                .map(r -> {
                    var result = r.record();
                    boolean outlives = item.transitionDeadline() != null
                            && (result.expires() == null || result.expires().isAfter(item.transitionDeadline()));
                    return new Impact.Link(
                            result.kind().replace('_', ' ') + " by " + result.conformityBody(),
                            "/catalog/recognition",
                            outlives
                                    ? "valid beyond the transition deadline " + item.transitionDeadline()
                                            + ": transition it"
                                    : "against the old edition");
                })
                .toList();
    }
}
