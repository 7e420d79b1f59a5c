package io.serviceproof.services;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.FrameworkKind;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.common.UnprocessableDocumentException;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.identity.users.UserAccounts;
import io.serviceproof.identity.users.UserId;
import io.serviceproof.ledger.Appended;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.services.content.ContentJson;
import io.serviceproof.services.content.ContentProblem;
import io.serviceproof.services.content.CrossBorderFlow;
import io.serviceproof.services.content.DataFlowAnalysis;
import io.serviceproof.services.content.LayerContent;
import io.serviceproof.services.content.LayerContentValidator;
import io.serviceproof.services.content.VersionDiff;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offerings and their service layers: create them, edit a layer's draft, publish it as an immutable
 * version (canonical JSON, SHA-256, a log entry), compare versions, and find the data flows that
 * cross borders with the laws they engage.
 */
@Service
public class Offerings {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final OfferingRows offerings;
    private final LayerRows layers;
    private final LayerTemplates templates;
    private final Catalog catalog;
    private final UserAccounts users;
    private final Ledger ledger;
    private final UserActionTrail trail;
    private final Clock clock;

    Offerings(
            OfferingRows offerings,
            LayerRows layers,
            LayerTemplates templates,
            Catalog catalog,
            UserAccounts users,
            Ledger ledger,
            UserActionTrail trail,
            Clock clock) {
        this.offerings = offerings;
        this.layers = layers;
        this.templates = templates;
        this.catalog = catalog;
        this.users = users;
        this.ledger = ledger;
        this.trail = trail;
        this.clock = clock;
    }

    public List<Offering> offerings() {
        return offerings.findAll();
    }

    public Offering offering(String id) {
        return offerings.find(id).orElseThrow(() -> new NotFoundException("Offering", id));
    }

    @Transactional
    public Offering createOffering(String name, String description, String hardware, List<String> markets) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new InvalidInputException("name", "1 to 200 characters");
        }
        List<String> codes = markets == null
                ? List.of()
                : markets.stream()
                        .map(m -> m.strip().toUpperCase(Locale.ROOT))
                        .filter(m -> !m.isEmpty())
                        .distinct()
                        .toList();
        for (String code : codes) {
            try {
                catalog.market(code);
            } catch (NotFoundException e) {
                throw new InvalidInputException("markets", "'" + code + "' is not a market profile in your catalog");
            }
        }
        Offering offering = new Offering(
                UUID.randomUUID().toString(),
                name.strip(),
                description == null ? "" : description.strip(),
                hardware == null ? "" : hardware.strip(),
                codes,
                clock.instant(),
                Tenancy.actor().name());
        offerings.insert(offering);
        trail.record("services.offering.created", "offering", offering.id(), offering.name());
        return offering;
    }

    public List<ServiceLayer> layers(String offeringId) {
        offering(offeringId);
        return layers.ofOffering(offeringId);
    }

    public List<ServiceLayer> allLayers() {
        return layers.findAll();
    }

    public ServiceLayer layer(String id) {
        return layers.find(id).orElseThrow(() -> new NotFoundException("Service layer", id));
    }

    /** A new layer whose first draft is the template's proposal. */
    @Transactional
    public ServiceLayer createLayer(String offeringId, String name, String code, String templateKey, String ownerId) {
        offering(offeringId);
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new InvalidInputException("name", "1 to 200 characters");
        }
        LayerTemplates.Template template;
        try {
            template = templates.get(templateKey == null ? LayerTemplates.CUSTOM : templateKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("template", e.getMessage());
        }
        String layerCode = code == null || code.isBlank() ? freeCode(slug(name)) : code.strip();
        if (!CODE.matcher(layerCode).matches()) {
            throw new InvalidInputException("code", "lower-case letters, digits and '-', up to 63 characters");
        }
        if (layers.codeTaken(layerCode)) {
            throw new ConflictException("Another layer already uses the code '" + layerCode + "'");
        }
        if (ownerId != null && !ownerId.isBlank()) {
            try {
                users.get(UserId.valueOf(ownerId.strip()));
            } catch (RuntimeException e) {
                throw new InvalidInputException("ownerId", "no user with this id in your organisation");
            }
        }
        ServiceLayer layer = new ServiceLayer(
                UUID.randomUUID().toString(),
                offeringId,
                layerCode,
                name.strip(),
                template.key(),
                ownerId == null || ownerId.isBlank() ? null : ownerId.strip(),
                template.content(),
                clock.instant(),
                Tenancy.actor().name(),
                0,
                clock.instant());
        layers.insert(layer);
        trail.record(
                "services.layer.created",
                "service-layer",
                layer.id(),
                Phrase.of("trail.detail.layer-created", layer.name(), template.key()));
        return layer;
    }

    /** Replaces the draft. A draft may be incomplete; {@link #problems} says what blocks publishing. */
    @Transactional
    public ServiceLayer saveDraft(String layerId, LayerContent draft) {
        layer(layerId);
        layers.saveDraft(
                layerId,
                ContentJson.toJson(draft),
                clock.instant(),
                Tenancy.actor().name());
        trail.record("services.layer.draft-saved", "service-layer", layerId, "");
        return layer(layerId);
    }

    /** Replaces the draft's objectives (from an OpenSLO import), keeping everything else. */
    @Transactional
    public ServiceLayer replaceSlos(String layerId, List<LayerContent.Slo> slos) {
        LayerContent draft = layer(layerId).draft();
        return saveDraft(
                layerId,
                new LayerContent(
                        draft.description(),
                        new LayerContent.SlaDefinition(draft.sla().contentAreas(), slos),
                        draft.dataFlow(),
                        draft.validation(),
                        draft.failureResponses(),
                        draft.evidenceItems(),
                        draft.risks(),
                        draft.apiContract()));
    }

    public List<ContentProblem> problems(LayerContent content) {
        return LayerContentValidator.problems(content);
    }

    /**
     * Freezes the draft as the next version: canonical JSON, its SHA-256, and a log entry carrying
     * the digest, in one transaction. A draft with problems, or identical to the latest version, is
     * refused.
     */
    @Transactional
    public LayerVersion publish(String layerId) {
        ServiceLayer layer = layer(layerId);
        List<ContentProblem> problems = problems(layer.draft());
        if (!problems.isEmpty()) {
            throw new UnprocessableDocumentException(
                    "the draft cannot be published",
                    problems.stream()
                            .map(p -> new UnprocessableDocumentException.Problem(p.location(), p.message()))
                            .toList());
        }
        String canonical = ContentJson.canonical(layer.draft());
        String sha256 = io.serviceproof.common.Sha256.hex(canonical);
        if (layer.latestVersion() > 0
                && layers.version(layerId, layer.latestVersion())
                        .orElseThrow()
                        .sha256()
                        .equals(sha256)) {
            throw new ConflictException(
                    "The draft is identical to version " + layer.latestVersion() + "; nothing to publish");
        }
        int number = layer.latestVersion() + 1;
        if (!layers.advance(layerId, layer.latestVersion())) {
            throw new ConflictException("Someone published this layer at the same moment; reload and try again");
        }
        Appended appended = ledger.append(new EntryDraft(
                "service-layer:" + layerId + ":v" + number,
                "service-layer.version-published",
                clock.instant(),
                layer.code(),
                List.of(Map.of("sha256", sha256)),
                new LinkedHashMap<>(Map.of(
                        "offeringId",
                        layer.offeringId(),
                        "layerId",
                        layerId,
                        "version",
                        number,
                        "template",
                        layer.template())),
                null));
        LayerVersion version = new LayerVersion(
                UUID.randomUUID().toString(),
                layerId,
                number,
                canonical,
                sha256,
                clock.instant(),
                Tenancy.actor().name(),
                appended.index());
        layers.insertVersion(version);
        trail.record("services.layer.published", "service-layer", layerId, layer.name() + " v" + number + " " + sha256);
        return version;
    }

    public List<LayerVersion> versions(String layerId) {
        layer(layerId);
        return layers.versions(layerId);
    }

    public LayerVersion version(String layerId, int number) {
        layer(layerId);
        return layers.version(layerId, number).orElseThrow(() -> new NotFoundException("Version", number));
    }

    /** Changes from one version to another; {@code 0} stands for the current draft. */
    public List<VersionDiff.Change> compare(String layerId, int from, int to) {
        return VersionDiff.between(ContentJson.tree(json(layerId, from)), ContentJson.tree(json(layerId, to)));
    }

    private String json(String layerId, int number) {
        return number == 0
                ? ContentJson.canonical(layer(layerId).draft())
                : version(layerId, number).canonicalJson();
    }

    /** The content's flows that cross a border, with the laws each engages and whether it is a target market. */
    public List<CrossBorderFlow> crossBorderFlows(ServiceLayer layer, LayerContent content) {
        Set<String> markets = new HashSet<>(offering(layer.offeringId()).markets());
        List<DataFlowAnalysis.Law> laws = catalog.frameworks().stream()
                .filter(f -> f.kind() == FrameworkKind.LAW
                        && f.jurisdiction() != null
                        && f.jurisdiction().length() == 2)
                .map(f -> new DataFlowAnalysis.Law(f.jurisdiction(), f.id(), f.label()))
                .toList();
        return DataFlowAnalysis.crossBorder(content.dataFlow(), laws, markets);
    }

    private String freeCode(String base) {
        String code = base.isEmpty() ? "layer" : base;
        for (int i = 2; layers.codeTaken(code); i++) {
            code = base + "-" + i;
        }
        return code;
    }

    static String slug(String name) {
        String slug =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug;
    }
}
