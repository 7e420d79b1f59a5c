package io.serviceproof.catalog;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creating, confirming, rejecting and editing crosswalk mappings. Every change is kept in the
 * mapping's history with the state after it, and goes to the user-action trail (and so the ledger).
 */
@Service
public class MappingEdits {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Mappings mappings;
    private final Frameworks frameworks;
    private final UserActionTrail trail;
    private final Clock clock;

    MappingEdits(Mappings mappings, Frameworks frameworks, UserActionTrail trail, Clock clock) {
        this.mappings = mappings;
        this.frameworks = frameworks;
        this.trail = trail;
        this.clock = clock;
    }

    /** The fields a person may set on a mapping. */
    public record MappingFields(
            Relationship relationship,
            Rationale rationale,
            Integer strength,
            Confidence confidence,
            MappingStatus status,
            String note) {}

    @Transactional
    public Mapping create(String sourceId, String targetId, MappingFields fields, String method) {
        Requirement source =
                frameworks.requirement(sourceId).orElseThrow(() -> new NotFoundException("Requirement", sourceId));
        Requirement target =
                frameworks.requirement(targetId).orElseThrow(() -> new NotFoundException("Requirement", targetId));
        if (source.frameworkId().equals(target.frameworkId())) {
            throw new InvalidInputException("targetId", "a crosswalk maps requirements of two different frameworks");
        }
        if (mappings.findBetween(sourceId, targetId).isPresent()) {
            throw new ConflictException("A mapping between these two requirements already exists; edit it instead");
        }
        checkStrength(fields.strength());
        Mapping mapping = new Mapping(
                UUID.randomUUID().toString(),
                sourceId,
                targetId,
                fields.relationship(),
                fields.rationale(),
                fields.strength(),
                fields.confidence() == null ? Confidence.UNSPECIFIED : fields.confidence(),
                fields.status() == null ? MappingStatus.PROPOSED : fields.status(),
                method,
                fields.note() == null ? "" : fields.note().strip(),
                Provenance.of(ProvenanceTag.M, "created by " + Tenancy.actor().name()),
                true,
                clock.instant(),
                Tenancy.actor().name());
        mappings.insert(java.util.List.of(new Mappings.Row(mapping, null)));
        remember(mapping, "created");
        return mapping;
    }

    @Transactional
    public Mapping confirm(String id, String note) {
        return change(id, "confirmed", m -> withStatus(m, MappingStatus.CONFIRMED, note));
    }

    @Transactional
    public Mapping reject(String id, String note) {
        return change(id, "rejected", m -> withStatus(m, MappingStatus.REJECTED, note));
    }

    @Transactional
    public Mapping edit(String id, MappingFields fields) {
        checkStrength(fields.strength());
        return change(
                id,
                "edited",
                m -> new Mapping(
                        m.id(),
                        m.sourceId(),
                        m.targetId(),
                        fields.relationship() == null ? m.relationship() : fields.relationship(),
                        fields.rationale() == null ? m.rationale() : fields.rationale(),
                        fields.strength() == null ? m.strength() : fields.strength(),
                        fields.confidence() == null ? m.confidence() : fields.confidence(),
                        fields.status() == null ? m.status() : fields.status(),
                        m.method(),
                        fields.note() == null ? m.note() : fields.note().strip(),
                        m.provenance(),
                        true,
                        clock.instant(),
                        Tenancy.actor().name()));
    }

    private Mapping withStatus(Mapping m, MappingStatus status, String note) {
        return new Mapping(
                m.id(),
                m.sourceId(),
                m.targetId(),
                m.relationship(),
                m.rationale(),
                m.strength(),
                m.confidence(),
                status,
                m.method(),
                note == null || note.isBlank() ? m.note() : note.strip(),
                m.provenance(),
                true,
                clock.instant(),
                Tenancy.actor().name());
    }

    private Mapping change(String id, String action, java.util.function.UnaryOperator<Mapping> edit) {
        Mapping before = mappings.findById(id).orElseThrow(() -> new NotFoundException("Mapping", id));
        Mapping after = edit.apply(before);
        mappings.update(after);
        remember(after, action);
        return after;
    }

    private void remember(Mapping mapping, String action) {
        String snapshot = JSON.writeValueAsString(java.util.Map.of(
                "relationship", mapping.relationship().token(),
                "rationale", mapping.rationale().token(),
                "strength", mapping.strength() == null ? "" : mapping.strength(),
                "confidence", mapping.confidence().token(),
                "status", mapping.status().token(),
                "note", mapping.note()));
        mappings.recordHistory(
                UUID.randomUUID().toString(),
                mapping.id(),
                clock.instant(),
                Tenancy.actor().name(),
                action,
                snapshot);
        trail.record(
                "catalog.mapping." + action,
                "mapping",
                mapping.id(),
                Phrase.of(
                        "trail.detail.mapping",
                        mapping.relationship().token(),
                        Phrase.term("catalog.mapping.status." + mapping.status().token())));
    }

    private static void checkStrength(Integer strength) {
        if (strength != null && (strength < 0 || strength > 10)) {
            throw new InvalidInputException("strength", "must be 0 to 10 (NIST IR 8477)");
        }
    }
}
