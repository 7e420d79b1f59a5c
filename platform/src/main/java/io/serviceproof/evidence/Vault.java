package io.serviceproof.evidence;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.IntegrityException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.common.blobs.BlobStore;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.identity.users.UserAccounts;
import io.serviceproof.identity.users.UserId;
import io.serviceproof.ledger.Appended;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence vault's API. An upload is checked in this order, and nothing is stored unless all
 * pass: the fields, the file name, the size limit (while streaming), the declared digest, archive
 * bombs. Only then is the file kept and its version recorded, with a log entry carrying its digest.
 */
@Service
public class Vault {

    private static final Pattern E_TYPE = Pattern.compile("E[1-9]");
    private static final Pattern CUSTOM_TYPE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ,.&()/+-]{0,59}");

    private final EvidenceRows rows;
    private final EvidenceLinks links;
    private final BlobStore blobs;
    private final Ledger ledger;
    private final UserActionTrail trail;
    private final UserAccounts users;
    private final Catalog catalog;
    private final ObjectProvider<ServiceLayerLookup> layers;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final UploadIntake intake;

    Vault(
            EvidenceRows rows,
            EvidenceLinks links,
            BlobStore blobs,
            Ledger ledger,
            UserActionTrail trail,
            UserAccounts users,
            Catalog catalog,
            ObjectProvider<ServiceLayerLookup> layers,
            TransactionTemplate transaction,
            Clock clock,
            UploadIntake intake) {
        this.rows = rows;
        this.links = links;
        this.blobs = blobs;
        this.ledger = ledger;
        this.trail = trail;
        this.users = users;
        this.catalog = catalog;
        this.layers = layers;
        this.transaction = transaction;
        this.clock = clock;
        this.intake = intake;
    }

    public long maxBytes() {
        return intake.maxBytes();
    }

    /** A new piece of evidence with its first file, linked at once to what it supports. */
    public EvidenceDetail register(EvidenceFields fields, Upload upload, List<LinkRequest> linkTo) {
        checkItemFields(fields.title(), fields.type(), fields.description(), fields.ownerId());
        checkVersionFields(fields);
        String filename = UploadIntake.filename(upload.filename());
        // Link targets are checked before the upload is read, so a typo costs no transfer.
        Map<LinkRequest, String> labels = new LinkedHashMap<>();
        for (LinkRequest request : linkTo) {
            labels.put(request, targetLabel(request.kind(), request.targetId()));
        }
        try (BlobStore.Staged staged = intake.receive(upload, fields.declaredSha256())) {
            blobs.keep(staged);
            return transaction.execute(status -> {
                Actor actor = Tenancy.actor();
                EvidenceItem item = new EvidenceItem(
                        UUID.randomUUID().toString(),
                        fields.title().strip(),
                        fields.type().strip(),
                        fields.description() == null ? "" : fields.description().strip(),
                        blankToNull(fields.ownerId()),
                        clock.instant(),
                        actor.name(),
                        1);
                rows.insertItem(item);
                EvidenceVersion version = recordVersion(item, 1, fields, filename, upload.mediaType(), staged);
                trail.record("evidence.registered", "evidence", item.id(), item.title() + " v1 " + version.sha256());
                labels.forEach((request, label) -> insertLink(item.id(), request, label));
                return detail(item.id());
            });
        }
    }

    /** A new file for existing evidence: a new version, reviewed on its own. */
    public EvidenceDetail addVersion(String itemId, EvidenceFields fields, Upload upload) {
        EvidenceItem existing = item(itemId);
        checkVersionFields(fields);
        String filename = UploadIntake.filename(upload.filename());
        try (BlobStore.Staged staged = intake.receive(upload, fields.declaredSha256())) {
            blobs.keep(staged);
            return transaction.execute(status -> {
                // Re-read inside the transaction: two uploads at once must not claim the same number.
                EvidenceItem item = item(itemId);
                int next = item.latestVersion() + 1;
                rows.updateItem(new EvidenceItem(
                        item.id(),
                        item.title(),
                        item.type(),
                        item.description(),
                        item.ownerId(),
                        item.createdAt(),
                        item.createdBy(),
                        next));
                EvidenceVersion version = recordVersion(item, next, fields, filename, upload.mediaType(), staged);
                trail.record(
                        "evidence.version-added",
                        "evidence",
                        item.id(),
                        existing.title() + " v" + next + " " + version.sha256());
                return detail(item.id());
            });
        }
    }

    private EvidenceVersion recordVersion(
            EvidenceItem item,
            int number,
            EvidenceFields fields,
            String filename,
            String mediaType,
            BlobStore.Staged staged) {
        Actor actor = Tenancy.actor();
        EvidenceVersion version = new EvidenceVersion(
                UUID.randomUUID().toString(),
                item.id(),
                number,
                staged.sha256(),
                staged.size(),
                filename,
                UploadIntake.mediaType(mediaType),
                fields.effectiveDate() == null ? today() : fields.effectiveDate(),
                fields.validUntil(),
                fields.submitForReview() ? EvidenceStatus.IN_REVIEW : EvidenceStatus.DRAFT,
                clock.instant(),
                actor.id(),
                actor.name(),
                null,
                null,
                null,
                null,
                null,
                null);
        rows.insertVersion(version);
        Appended appended = log("registered", item, version, Map.of("size", version.size()));
        rows.setLedgerIndex(version.id(), appended.index());
        return version;
    }

    /** A log entry about a version: ids and the file's digest only, since a log may be public. */
    private Appended log(String what, EvidenceItem item, EvidenceVersion version, Map<String, Object> extra) {
        return log(what, "", item, version, extra);
    }

    /** {@code round} tells apart the same act repeated on one version (an approval after a reopened review). */
    private Appended log(
            String what, String round, EvidenceItem item, EvidenceVersion version, Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("evidenceId", item.id());
        payload.put("version", version.version());
        payload.put("evidenceType", E_TYPE.matcher(item.type()).matches() ? item.type() : "custom");
        payload.putAll(extra);
        return ledger.append(new EntryDraft(
                "evidence:" + version.id() + ":" + what + round,
                "evidence." + what,
                clock.instant(),
                null,
                List.of(Map.of("sha256", version.sha256())),
                payload,
                null));
    }

    @Transactional
    public EvidenceDetail edit(String itemId, String title, String type, String description, String ownerId) {
        EvidenceItem item = item(itemId);
        String newTitle = title == null ? item.title() : title;
        String newType = type == null ? item.type() : type;
        String newDescription = description == null ? item.description() : description;
        String newOwner = ownerId == null ? item.ownerId() : blankToNull(ownerId);
        checkItemFields(newTitle, newType, newDescription, newOwner);
        if (!newTitle.strip().equals(item.title())
                || !newType.strip().equals(item.type())
                || !newDescription.strip().equals(item.description())) {
            reopenReviewIfApproved(item, "edited");
        }
        rows.updateItem(new EvidenceItem(
                item.id(),
                newTitle.strip(),
                newType.strip(),
                newDescription.strip(),
                newOwner,
                item.createdAt(),
                item.createdBy(),
                item.latestVersion()));
        trail.record("evidence.edited", "evidence", item.id(), newTitle.strip());
        return detail(itemId);
    }

    @Transactional
    public EvidenceDetail submit(String itemId) {
        EvidenceVersion latest = detail(itemId).latest();
        if (!rows.move(latest.id(), List.of(EvidenceStatus.DRAFT, EvidenceStatus.REJECTED), EvidenceStatus.IN_REVIEW)) {
            throw new ConflictException("Only a draft or rejected version can be submitted; this one is "
                    + latest.status().token());
        }
        trail.record("evidence.submitted", "evidence", itemId, "v" + latest.version());
        return detail(itemId);
    }

    /** Approval is logged with the file's digest: from then on it counts as evidence until it expires. */
    @Transactional
    public EvidenceDetail approve(String itemId, String comment) {
        EvidenceItem item = item(itemId);
        EvidenceVersion latest = detail(itemId).latest();
        Actor reviewer = Tenancy.actor();
        if (latest.validUntil() != null && latest.validUntil().isBefore(today())) {
            throw new ConflictException(
                    "This version's validity ended on " + latest.validUntil() + "; upload a current one");
        }
        if (!rows.review(
                latest.id(),
                List.of(EvidenceStatus.DRAFT, EvidenceStatus.IN_REVIEW),
                EvidenceStatus.APPROVED,
                reviewer.id(),
                reviewer.name(),
                comment == null ? "" : comment.strip(),
                clock.instant())) {
            throw new ConflictException("Only a draft or a version in review can be approved; this one is "
                    + latest.status().token());
        }
        // A version approved before, then sent back to review, is approved again under a new event id.
        String round = latest.reviewedAt() == null ? "" : ":" + clock.instant().toEpochMilli();
        Appended approval = log("approved", round, item, latest, Map.of("reviewerId", reviewer.id()));
        rows.setApprovalLedgerIndex(latest.id(), approval.index());
        trail.record("evidence.approved", "evidence", itemId, "v" + latest.version());
        return detail(itemId);
    }

    @Transactional
    public EvidenceDetail reject(String itemId, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("comment", "say why, so the owner can fix it");
        }
        EvidenceVersion latest = detail(itemId).latest();
        Actor reviewer = Tenancy.actor();
        if (!rows.review(
                latest.id(),
                List.of(EvidenceStatus.DRAFT, EvidenceStatus.IN_REVIEW),
                EvidenceStatus.REJECTED,
                reviewer.id(),
                reviewer.name(),
                comment.strip(),
                clock.instant())) {
            throw new ConflictException("Only a draft or a version in review can be rejected; this one is "
                    + latest.status().token());
        }
        trail.record("evidence.rejected", "evidence", itemId, "v" + latest.version() + ": " + comment.strip());
        return detail(itemId);
    }

    /**
     * What approved evidence is (title, type, description) and what it is linked to were part of what
     * its reviewer approved. When someone who may not approve changes either, the approval no longer
     * stands: the version goes back to review and stops counting until it is approved again. Owners
     * and compliance managers are reviewers themselves, so their changes keep the approval (the trail
     * and log say who changed what).
     */
    private void reopenReviewIfApproved(EvidenceItem item, String change) {
        Actor actor = Tenancy.actor();
        if (actor.role() == Role.OWNER || actor.role() == Role.COMPLIANCE_MANAGER) {
            return;
        }
        EvidenceVersion latest = detail(item.id()).latest();
        if (rows.move(latest.id(), List.of(EvidenceStatus.APPROVED), EvidenceStatus.IN_REVIEW)) {
            log("review-reopened", ":" + clock.instant().toEpochMilli(), item, latest, Map.of("change", change));
            trail.record("evidence.review-reopened", "evidence", item.id(), "v" + latest.version() + ": " + change);
        }
    }

    @Transactional
    public EvidenceLink link(String itemId, LinkTarget kind, String targetId) {
        reopenReviewIfApproved(item(itemId), "linked");
        String label = targetLabel(kind, targetId);
        if (links.find(itemId, kind, targetId).isPresent()) {
            throw new ConflictException("This evidence is already linked to that " + kind.token());
        }
        return insertLink(itemId, new LinkRequest(kind, targetId), label);
    }

    private EvidenceLink insertLink(String itemId, LinkRequest request, String label) {
        EvidenceLink link = new EvidenceLink(
                UUID.randomUUID().toString(),
                itemId,
                request.kind(),
                request.targetId(),
                clock.instant(),
                Tenancy.actor().name());
        links.insert(link);
        trail.record(
                "evidence.linked",
                "evidence",
                itemId,
                Phrase.of("trail.detail.linked." + request.kind().token(), label));
        return link;
    }

    @Transactional
    public void unlink(String itemId, String linkId) {
        EvidenceItem item = item(itemId);
        if (!links.delete(itemId, linkId)) {
            throw new NotFoundException("Link", linkId);
        }
        reopenReviewIfApproved(item, "unlinked");
        trail.record("evidence.unlinked", "evidence", itemId, linkId);
    }

    /** The organisation's service layers a piece of evidence can be linked to, id → name. */
    public java.util.Map<String, String> layerChoices() {
        ServiceLayerLookup lookup = layers.getIfAvailable();
        return lookup == null ? java.util.Map.of() : lookup.layerNames();
    }

    /** The requirement's "framework ref" or the layer's name; rejects targets the organisation lacks. */
    public String targetLabel(LinkTarget kind, String targetId) {
        if (targetId == null || targetId.isBlank()) {
            throw new InvalidInputException("targetId", "is required");
        }
        return switch (kind) {
            case REQUIREMENT -> {
                try {
                    var requirement = catalog.requirement(targetId);
                    yield catalog.framework(requirement.frameworkId()).label() + " " + requirement.refId();
                } catch (NotFoundException e) {
                    throw new InvalidInputException("targetId", "no requirement with this id in your catalog");
                }
            }
            case SERVICE_LAYER -> {
                ServiceLayerLookup lookup = layers.getIfAvailable();
                yield (lookup == null ? java.util.Optional.<String>empty() : lookup.layerName(targetId))
                        .orElseThrow(() -> new InvalidInputException("targetId", "no service layer with this id"));
            }
        };
    }

    public EvidenceDetail detail(String itemId) {
        EvidenceItem item = item(itemId);
        return new EvidenceDetail(item, rows.versions(itemId), links.of(itemId));
    }

    public List<EvidenceSummary> find(EvidenceFilter filter) {
        return rows.find(filter);
    }

    /** Every link of the organisation, for whole-catalog views such as assessments. */
    public List<EvidenceLink> allLinks() {
        return links.all();
    }

    /** A version's bytes, after re-checking them against their digest. */
    public VerifiedContent content(String itemId, Integer versionNumber) {
        EvidenceDetail detail = detail(itemId);
        EvidenceVersion version = versionNumber == null
                ? detail.latest()
                : detail.versions().stream()
                        .filter(v -> v.version() == versionNumber)
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("Version", versionNumber));
        if (!blobs.intact(version.sha256())) {
            throw new IntegrityException("The stored file of evidence " + itemId + " version " + version.version()
                    + " no longer matches its SHA-256 " + version.sha256()
                    + "; it is withheld. Restore it from backup.");
        }
        return new VerifiedContent(version, () -> {
            try {
                return blobs.open(version.sha256());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Bytes that matched their digest when checked; {@code open} streams them. */
    public record VerifiedContent(EvidenceVersion version, java.util.function.Supplier<InputStream> open) {}

    /** Expires the acting organisation's approved evidence past its validity; returns what expired. */
    @Transactional
    public List<EvidenceSummary> expireDue() {
        List<EvidenceSummary> expired = new java.util.ArrayList<>();
        for (EvidenceSummary due : rows.dueToExpire(today())) {
            // Conditional: on several nodes only one run moves (and announces) each version.
            if (rows.move(due.latest().id(), List.of(EvidenceStatus.APPROVED), EvidenceStatus.EXPIRED)) {
                trail.record(
                        "evidence.expired",
                        "evidence",
                        due.item().id(),
                        Phrase.of(
                                "trail.detail.evidence-expired",
                                due.latest().version(),
                                due.latest().validUntil()));
                expired.add(due);
            }
        }
        return expired;
    }

    private EvidenceItem item(String id) {
        return rows.item(id).orElseThrow(() -> new NotFoundException("Evidence", id));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private void checkItemFields(String title, String type, String description, String ownerId) {
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            throw new InvalidInputException("title", "1 to 200 characters");
        }
        // "E12" is a typo of the E-series, not a label of one's own.
        boolean eSeries = E_TYPE.matcher(type == null ? "" : type.strip()).matches();
        if (type == null
                || !(eSeries || CUSTOM_TYPE.matcher(type.strip()).matches())
                || (!eSeries && type.strip().matches("[Ee]\\d+"))) {
            throw new InvalidInputException(
                    "type", "E1 to E9, or a label of your own (up to 60 letters, digits, spaces)");
        }
        if (description != null && description.length() > 4000) {
            throw new InvalidInputException("description", "at most 4,000 characters");
        }
        if (ownerId != null && !ownerId.isBlank()) {
            try {
                users.get(UserId.valueOf(ownerId.strip()));
            } catch (RuntimeException e) {
                throw new InvalidInputException("ownerId", "no user with this id in your organisation");
            }
        }
    }

    private static void checkVersionFields(EvidenceFields fields) {
        if (fields.validUntil() != null
                && fields.effectiveDate() != null
                && fields.validUntil().isBefore(fields.effectiveDate())) {
            throw new InvalidInputException("validUntil", "must not be before the effective date");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
