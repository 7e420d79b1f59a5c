package io.serviceproof.attestation;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.common.Sha256;
import io.serviceproof.dossier.Credential;
import io.serviceproof.dossier.Credentials;
import io.serviceproof.evidence.Vault;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Engagements from both sides. The exporter invites a body (by slug) on one of its credentials,
 * for a number of days, and may end it; the body's people read the frozen snapshot and the evidence
 * files it lists while the engagement is open. Every such read is recorded in the exporter's trail
 * and appended to the exporter's log, so the exporter (and anyone auditing its log) sees who looked
 * at what, and when.
 */
@Service
public class Engagements {

    /** The longest access an invitation may grant: a certification audit's usual window and then some. */
    public static final int MAX_DAYS = 180;

    private static final Pattern FRAMEWORK = Pattern.compile("[a-z0-9][a-z0-9.-]{1,80}@[A-Za-z0-9.:-]{1,40}");
    private static final Pattern WITNESS_NAME = Pattern.compile("[\\x21-\\x7e&&[^+]]{1,200}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Which side of the engagement the acting organisation is on. */
    public enum Side {
        EXPORTER,
        BODY
    }

    /** An engagement as one party sees it. */
    public record EngagementView(
            Engagement engagement,
            Side side,
            Organisation exporter,
            Organisation body,
            Engagement.Status status,
            boolean bodyMayRead) {}

    public record Invitation(
            String credentialId, String bodySlug, Integer days, String framework, BodyKind kind, String witnessName) {}

    private final EngagementRows rows;
    private final EngagementSnapshots snapshots;
    private final ConformityBodies bodies;
    private final Credentials credentials;
    private final Vault vault;
    private final OrganisationDirectory organisations;
    private final Ledger ledger;
    private final UserActionTrail trail;
    private final Clock clock;

    Engagements(
            EngagementRows rows,
            EngagementSnapshots snapshots,
            ConformityBodies bodies,
            Credentials credentials,
            Vault vault,
            OrganisationDirectory organisations,
            Ledger ledger,
            UserActionTrail trail,
            Clock clock) {
        this.rows = rows;
        this.snapshots = snapshots;
        this.bodies = bodies;
        this.credentials = credentials;
        this.vault = vault;
        this.organisations = organisations;
        this.ledger = ledger;
        this.trail = trail;
        this.clock = clock;
    }

    /** Invites a body to assess one of the acting organisation's own (self-declared, unrevoked) credentials. */
    @Transactional
    public Engagement invite(Invitation invitation) {
        Organisation exporter = organisations.current();
        Credential credential;
        try {
            credential = credentials.credential(invitation.credentialId());
        } catch (NotFoundException e) {
            throw new InvalidInputException("credentialId", Phrase.of("error.engagement.credential"));
        }
        if (credential.thirdParty()) {
            throw new InvalidInputException("credentialId", Phrase.of("error.engagement.attestation"));
        }
        if (credential.revoked()) {
            throw new InvalidInputException("credentialId", Phrase.of("error.engagement.revoked"));
        }
        Organisation body = organisations
                .findBySlug(
                        invitation.bodySlug() == null
                                ? ""
                                : invitation.bodySlug().strip())
                .orElseThrow(() -> new InvalidInputException("bodySlug", Phrase.of("error.engagement.slug")));
        if (body.id().equals(exporter.id())) {
            throw new InvalidInputException("bodySlug", Phrase.of("error.engagement.self"));
        }
        ConformityBody registered = bodies.body(body)
                .orElseThrow(() ->
                        new InvalidInputException("bodySlug", Phrase.of("error.engagement.not-body", body.name())));
        BodyKind kind = invitation.kind() == null ? registered.kinds().get(0) : invitation.kind();
        if (!registered.kinds().contains(kind)) {
            throw new InvalidInputException(
                    "kind", Phrase.of("error.engagement.kind", body.name(), Phrase.term("body.kind." + kind.token())));
        }
        int days = invitation.days() == null ? 30 : invitation.days();
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", Phrase.of("error.days", MAX_DAYS));
        }
        String framework = blankToNull(invitation.framework());
        if (framework != null && !FRAMEWORK.matcher(framework).matches()) {
            throw new InvalidInputException("framework", Phrase.of("error.framework.key"));
        }
        String witness = blankToNull(invitation.witnessName());
        if (witness != null && !WITNESS_NAME.matcher(witness).matches()) {
            throw new InvalidInputException("witnessName", Phrase.of("error.engagement.witness"));
        }
        Instant now = clock.instant();
        String snapshot = snapshots.freeze(
                exporter, credentials.did(exporter), credential, credentials.credentialUrl(exporter, credential.id()));
        String sha256 = Sha256.hex(snapshot.getBytes(StandardCharsets.UTF_8));
        Engagement engagement = new Engagement(
                UUID.randomUUID().toString(),
                exporter.id(),
                body.id(),
                credential.id(),
                credential.assessmentId(),
                credential.market(),
                framework,
                kind,
                witness,
                now.plus(Duration.ofDays(days)),
                sha256,
                Tenancy.actor().name(),
                now,
                null,
                null,
                null,
                null);
        rows.insert(engagement, snapshot);
        ledger.append(new EntryDraft(
                "engagement:" + engagement.id() + ":invited",
                "engagement.invited",
                now,
                null,
                List.of(Map.of("sha256", sha256)),
                new LinkedHashMap<>(Map.of(
                        "engagementId", engagement.id(),
                        "body", body.slug(),
                        "credentialId", credential.id(),
                        "accessUntil", engagement.accessUntil().toString())),
                null));
        trail.record(
                "engagement.invited",
                "engagement",
                engagement.id(),
                Phrase.of("trail.detail.engagement-invited", body.name(), credential.market(), days, sha256));
        return engagement;
    }

    public List<EngagementView> engagements() {
        return rows.all().stream().map(this::view).toList();
    }

    public EngagementView engagement(String id) {
        return view(find(id));
    }

    /** Ends the body's access now (the exporter's decision); findings and any attestation stay. */
    @Transactional
    public EngagementView end(String id) {
        Engagement engagement = find(id);
        if (!engagement.exporterId().equals(Tenancy.organisationId())) {
            throw new NotFoundException("Engagement", id);
        }
        Instant now = clock.instant();
        if (!rows.end(id, Tenancy.actor().name(), now)) {
            throw new ConflictException(Phrase.of("error.engagement.ended"));
        }
        ledger.append(new EntryDraft(
                "engagement:" + id + ":ended",
                "engagement.ended",
                now,
                null,
                List.of(),
                new LinkedHashMap<>(Map.of("engagementId", id)),
                null));
        trail.record("engagement.ended", "engagement", id, Phrase.of("trail.detail.engagement-ended"));
        return engagement(id);
    }

    /** The frozen snapshot, canonical JSON. A body's read is recorded with the exporter. */
    public String snapshot(String id) {
        Engagement engagement = find(id);
        if (side(engagement) == Side.BODY) {
            requireOpen(engagement);
            recordAccess(engagement, Phrase.of("trail.detail.accessed.snapshot"));
        }
        return rows.snapshot(id).orElseThrow(() -> new NotFoundException("Engagement", id));
    }

    /** The snapshot parsed, for pages and reviews (not recorded as an access: callers record their own). */
    JsonNode snapshotTree(Engagement engagement) {
        return JSON.readTree(rows.snapshot(engagement.id()).orElseThrow());
    }

    /** An evidence file the snapshot lists, read from the exporter's vault with its digest checked. */
    public Vault.VerifiedContent evidence(String id, String itemId) {
        Engagement engagement = find(id);
        JsonNode listed = null;
        for (JsonNode e : snapshotTree(engagement).path("evidence")) {
            if (e.path("itemId").asString().equals(itemId)) {
                listed = e;
            }
        }
        if (listed == null) {
            throw new NotFoundException("Evidence in this engagement", itemId);
        }
        if (side(engagement) == Side.BODY) {
            requireOpen(engagement);
            recordAccess(
                    engagement,
                    Phrase.of(
                            "trail.detail.accessed.evidence",
                            listed.path("title").asString(),
                            listed.path("version").asInt()));
        }
        int version = listed.path("version").asInt();
        return Tenancy.callAs(
                Actor.system(engagement.exporterId(), "engagement:" + id), () -> vault.content(itemId, version));
    }

    Engagement find(String id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("Engagement", id));
    }

    Side side(Engagement engagement) {
        return engagement.exporterId().equals(Tenancy.organisationId()) ? Side.EXPORTER : Side.BODY;
    }

    /** The body's people may read and review only while the engagement is open. */
    void requireOpen(Engagement engagement) {
        Engagement.Status status = engagement.status(clock.instant());
        if (status != Engagement.Status.OPEN) {
            throw new AccessEnded(engagement, status);
        }
    }

    void requireSide(Engagement engagement, Side side) {
        if (side(engagement) != side) {
            throw new ConflictException(
                    Phrase.of(side == Side.BODY ? "error.engagement.body-only" : "error.engagement.exporter-only"));
        }
    }

    /** Records a body's read in the exporter's trail and log, named as the body's person. */
    void recordAccess(Engagement engagement, Phrase what) {
        Actor reader = Tenancy.actor();
        Organisation body = organisations.current();
        String who = reader.name() + " (" + body.name() + ")";
        Instant now = clock.instant();
        ledger.appendAllFor(
                engagement.exporterId(),
                List.of(new EntryDraft(
                        "engagement:" + engagement.id() + ":access:" + UUID.randomUUID(),
                        "engagement.accessed",
                        now,
                        null,
                        List.of(),
                        new LinkedHashMap<>(Map.of(
                                "engagementId", engagement.id(),
                                "body", body.slug(),
                                "by", reader.name(),
                                "what", what.english())),
                        null)));
        trail.recordAs(
                new Actor(engagement.exporterId(), reader.kind(), reader.id(), who, Role.AUDITOR),
                "engagement.accessed",
                "engagement",
                engagement.id(),
                what);
    }

    /** Acts in the exporter's organisation on the body's behalf (findings into its action plan). */
    <T> T asExporter(Engagement engagement, java.util.function.Supplier<T> work) {
        Actor reader = Tenancy.actor();
        String who = reader.name() + " (" + organisations.current().name() + ")";
        return Tenancy.callAs(
                new Actor(engagement.exporterId(), Actor.Kind.SYSTEM, "engagement:" + engagement.id(), who, Role.OWNER),
                work);
    }

    private EngagementView view(Engagement e) {
        Engagement.Status status = e.status(clock.instant());
        return new EngagementView(
                e,
                side(e),
                organisation(e.exporterId()),
                organisation(e.bodyId()),
                status,
                status == Engagement.Status.OPEN);
    }

    private Organisation organisation(OrganisationId id) {
        return organisations.findById(id).orElseThrow(() -> new NotFoundException("Organisation", id));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The body's access has ended (by the exporter or by time). */
    public static class AccessEnded extends ConflictException {
        AccessEnded(Engagement engagement, Engagement.Status status) {
            super("Access to engagement " + engagement.id() + " has "
                    + (status == Engagement.Status.ENDED ? "been ended by the exporter" : "expired")
                    + ": the snapshot, evidence and log samples are no longer open to the body");
        }
    }
}
