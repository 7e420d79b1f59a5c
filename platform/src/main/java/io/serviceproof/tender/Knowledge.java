package io.serviceproof.tender;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.EvidenceType;
import io.serviceproof.catalog.Framework;
import io.serviceproof.catalog.Recorded;
import io.serviceproof.catalog.Requirement;
import io.serviceproof.catalog.crosswalk.Crosswalk;
import io.serviceproof.catalog.recognition.ConformityResult;
import io.serviceproof.evidence.EvidenceFilter;
import io.serviceproof.evidence.EvidenceLink;
import io.serviceproof.evidence.EvidenceSummary;
import io.serviceproof.evidence.EvidenceVersion;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Vault;
import io.serviceproof.evidence.people.People;
import io.serviceproof.evidence.people.Qualification;
import io.serviceproof.evidence.people.Technician;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.PublishedLayers;
import io.serviceproof.services.PublishedSlo;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.sla.SlaAttainment;
import io.serviceproof.sla.SlaBreach;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Everything of the acting organisation a clause may be answered from, read once per matching run:
 * the library's requirements (with the approved evidence linked to each), evidence items, the
 * published SLOs and content sections of every layer, technicians' qualifications, conformity
 * results, and answers confirmed in earlier tenders. Each comes with its standing today — expired,
 * unapproved, unreviewed provenance, an SLO breached in the last 90 days — so a suggestion says what
 * citing it would need care for.
 */
@Component
class Knowledge {

    /** What a run matches against, and the crosswalk to widen requirement hits with. */
    record Snapshot(List<Answerable> answerables, Crosswalk crosswalk, Map<String, Answerable> byKey) {

        Snapshot(List<Answerable> answerables, Crosswalk crosswalk) {
            this(
                    answerables,
                    crosswalk,
                    answerables.stream().collect(Collectors.toMap(Answerable::key, Function.identity(), (a, b) -> a)));
        }
    }

    private final Catalog catalog;
    private final Vault vault;
    private final People people;
    private final Offerings offerings;
    private final PublishedLayers layerContents;
    private final SlaAttainment sla;
    private final TenderRows rows;
    private final Clock clock;

    Knowledge(
            Catalog catalog,
            Vault vault,
            People people,
            Offerings offerings,
            PublishedLayers layerContents,
            SlaAttainment sla,
            TenderRows rows,
            Clock clock) {
        this.catalog = catalog;
        this.vault = vault;
        this.people = people;
        this.offerings = offerings;
        this.layerContents = layerContents;
        this.sla = sla;
        this.rows = rows;
        this.clock = clock;
    }

    Snapshot read() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Answerable> all = new ArrayList<>();
        List<EvidenceSummary> evidence = vault.find(EvidenceFilter.all());
        all.addAll(requirements(evidence, today));
        evidence.forEach(e -> all.add(evidence(e, today)));
        all.addAll(layers());
        all.addAll(qualifications(today));
        all.addAll(certificates(today));
        rows.memory().forEach(m -> all.add(pastAnswer(m)));
        return new Snapshot(all, catalog.crosswalk());
    }

    private List<Answerable> requirements(List<EvidenceSummary> evidence, LocalDate today) {
        Map<String, EvidenceSummary> byId =
                evidence.stream().collect(Collectors.toMap(e -> e.item().id(), Function.identity()));
        Map<String, List<EvidenceSummary>> linked = new HashMap<>();
        for (EvidenceLink link : vault.allLinks()) {
            EvidenceSummary e = byId.get(link.itemId());
            if (link.kind() == LinkTarget.REQUIREMENT && e != null) {
                linked.computeIfAbsent(link.targetId(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, Framework> frameworks =
                catalog.frameworks().stream().collect(Collectors.toMap(Framework::id, Function.identity()));
        List<Requirement> requirements = catalog.allRequirements();
        Set<String> parents = requirements.stream()
                .filter(r -> r.parentRef() != null)
                .map(r -> r.frameworkId() + " " + r.parentRef())
                .collect(Collectors.toSet());
        List<Answerable> answerables = new ArrayList<>();
        for (Requirement r : requirements) {
            Framework framework = frameworks.get(r.frameworkId());
            List<EvidenceSummary> counting = linked.getOrDefault(r.id(), List.of()).stream()
                    .filter(e -> e.latest().countsOn(today))
                    .toList();
            List<String> flags = new ArrayList<>();
            if (counting.isEmpty()) {
                flags.add("no approved evidence linked");
            }
            if (!r.provenance().verified()) {
                flags.add("library entry not reviewed against its source ["
                        + r.provenance().tag() + "]");
            }
            String label = framework.label() + " " + r.refId() + " " + r.titleEn();
            String reference = framework.label() + " " + r.refId()
                    + counting.stream().map(Knowledge::cite).map(c -> "; " + c).collect(Collectors.joining());
            String types = r.evidenceTypes().stream().map(EvidenceType::title).collect(Collectors.joining(" "));
            answerables.add(new Answerable(
                    Answerable.Kind.REQUIREMENT,
                    r.id(),
                    label,
                    r.titleEn(),
                    reference,
                    r.titleEn() + " " + types,
                    r.titleZh(),
                    "",
                    framework.name() + " " + framework.key().replace('-', ' ') + " " + r.refId(),
                    parents.contains(r.frameworkId() + " " + r.refId()),
                    flags,
                    null,
                    null));
        }
        return answerables;
    }

    /** An evidence version as an answer cites it: title, version, digest, validity. */
    static String cite(EvidenceSummary e) {
        EvidenceVersion v = e.latest();
        return "evidence \"" + e.item().title() + "\" v" + v.version() + " sha256:"
                + v.sha256().substring(0, 16) + (v.validUntil() == null ? "" : " valid until " + v.validUntil());
    }

    private static Answerable evidence(EvidenceSummary e, LocalDate today) {
        EvidenceVersion v = e.latest();
        List<String> flags = new ArrayList<>();
        if (v.status() != io.serviceproof.evidence.EvidenceStatus.APPROVED) {
            flags.add("evidence " + v.status().token() + ", not approved");
        } else if (!v.countsOn(today)) {
            flags.add(
                    v.validUntil() != null && today.isAfter(v.validUntil())
                            ? "evidence expired on " + v.validUntil()
                            : "evidence effective only from " + v.effectiveDate());
        }
        if (v.selfApproved()) {
            flags.add("approved by its own uploader");
        }
        String type = typeTitle(e.item().type());
        String text = e.item().title() + " " + nullToEmpty(e.item().description()) + " " + type;
        return new Answerable(
                Answerable.Kind.EVIDENCE,
                e.item().id(),
                e.item().title() + " (" + type + ")",
                e.item().title(),
                cite(e),
                text,
                text,
                text,
                "",
                false,
                flags,
                null,
                null);
    }

    private static String typeTitle(String type) {
        try {
            return EvidenceType.valueOf(type).title();
        } catch (IllegalArgumentException | NullPointerException e) {
            return nullToEmpty(type);
        }
    }

    private List<Answerable> layers() {
        List<Answerable> answerables = new ArrayList<>();
        List<ServiceLayer> layers = offerings.allLayers();
        Set<String> breached = new HashSet<>();
        for (SlaBreach breach : sla.recentBreaches(layers)) {
            breached.add(breach.layerId() + "#" + breach.sloId());
        }
        for (ServiceLayer layer : layers) {
            if (layer.latestVersion() == 0) {
                continue;
            }
            String version = layer.name() + " (" + layer.code() + ") v" + layer.latestVersion();
            for (PublishedSlo slo : layerContents.publishedSlos(layer.id())) {
                List<String> flags = breached.contains(layer.id() + "#" + slo.id())
                        ? List.of("SLO breached in the last 90 days")
                        : List.of();
                String words = slo.metric() + " " + slo.quantity() + " " + slo.expression() + " " + slo.unit();
                answerables.add(new Answerable(
                        Answerable.Kind.SLO,
                        layer.id() + "#" + slo.id(),
                        version + " SLO " + slo.id() + ": " + slo.expression() + " " + slo.unit(),
                        slo.metric(),
                        "layer " + version + ", SLO " + slo.id() + ": " + slo.expression() + " " + slo.unit() + " per "
                                + slo.window(),
                        layer.name() + " service level objective SLA " + words.replace('_', ' '),
                        "",
                        "",
                        "",
                        false,
                        flags,
                        new Answerable.Objective(slo.quantity(), slo.operator(), slo.threshold(), slo.unit()),
                        null));
            }
            for (PublishedLayers.PublishedSection section : layerContents.publishedSections(layer.id())) {
                answerables.add(new Answerable(
                        Answerable.Kind.LAYER,
                        layer.id() + "#" + section.key(),
                        version + " — " + section.title(),
                        section.title(),
                        "layer " + version + ", " + section.title() + " (published, sha256:"
                                + section.versionSha256().substring(0, 16) + ")",
                        layer.name() + " " + section.title() + " " + section.text(),
                        section.text(),
                        section.text(),
                        "",
                        false,
                        List.of(),
                        null,
                        null));
            }
        }
        return answerables;
    }

    private List<Answerable> qualifications(LocalDate today) {
        List<Answerable> answerables = new ArrayList<>();
        for (Technician technician : people.technicians()) {
            for (Qualification q : people.qualificationsOf(technician.id())) {
                List<String> flags = q.currentOn(today) ? List.of() : List.of("qualification not current today");
                String text = q.name() + " " + q.scope() + " " + q.issuer() + " "
                        + (q.kind() == Qualification.Kind.TRAINING ? "training trained" : "certification certified")
                        + " technician competence";
                answerables.add(new Answerable(
                        Answerable.Kind.QUALIFICATION,
                        q.id(),
                        technician.name() + ": " + q.name() + " (" + q.issuer() + ")",
                        q.name(),
                        "technician " + technician.name() + ", " + q.name() + " by " + q.issuer()
                                + (q.number() == null || q.number().isBlank() ? "" : " no. " + q.number())
                                + (q.validUntil() == null ? "" : ", valid until " + q.validUntil()),
                        text,
                        text,
                        text,
                        "",
                        false,
                        flags,
                        null,
                        null));
            }
        }
        return answerables;
    }

    private List<Answerable> certificates(LocalDate today) {
        List<Answerable> answerables = new ArrayList<>();
        for (Recorded<ConformityResult> recorded : catalog.conformityResults()) {
            ConformityResult c = recorded.record();
            List<String> flags = new ArrayList<>();
            if (c.expires() != null && today.isAfter(c.expires())) {
                flags.add("certificate expired on " + c.expires());
            }
            if (!"active".equalsIgnoreCase(c.status())) {
                flags.add("certificate " + c.status());
            }
            if (!recorded.provenance().verified()) {
                flags.add("certificate record not reviewed ["
                        + recorded.provenance().tag() + "]");
            }
            String text = c.framework().replace('@', ' ').replace('-', ' ') + " " + c.kind() + " certificate "
                    + nullToEmpty(c.scope()) + " " + nullToEmpty(c.conformityBody());
            answerables.add(new Answerable(
                    Answerable.Kind.CERTIFICATE,
                    recorded.id(),
                    c.kind() + " " + c.framework() + " (" + c.conformityBody() + ")",
                    c.framework(),
                    c.kind() + " " + c.key() + " to " + c.framework() + " by " + c.conformityBody()
                            + (c.accreditationNumber() == null ? "" : ", accreditation " + c.accreditationNumber())
                            + (c.expires() == null ? "" : ", expires " + c.expires()),
                    text,
                    text,
                    text,
                    "",
                    false,
                    flags,
                    null,
                    null));
        }
        return answerables;
    }

    private static Answerable pastAnswer(TenderRows.Remembered m) {
        return new Answerable(
                Answerable.Kind.PAST_ANSWER,
                m.digest(),
                "\"" + abbreviate(m.text(), 80) + "\" → " + m.answer().in("en"),
                m.text(),
                m.reference(),
                m.text(),
                m.text(),
                m.text(),
                "",
                false,
                List.of(),
                null,
                m.answer());
    }

    static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
