package io.serviceproof.catalog.exchange;

import io.serviceproof.catalog.AdoptionDegree;
import io.serviceproof.catalog.Confidence;
import io.serviceproof.catalog.EvidenceType;
import io.serviceproof.catalog.FrameworkKind;
import io.serviceproof.catalog.MappingStatus;
import io.serviceproof.catalog.ProvenanceTag;
import io.serviceproof.catalog.Rationale;
import io.serviceproof.catalog.Relationship;
import io.serviceproof.catalog.exchange.LibraryDocument.FrameworkEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.MappingEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.ProvenanceEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.RequirementEntry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole library document and collects every error, so a user fixes a file in one round.
 * References to frameworks outside the document (mappings onto the existing catalog) are resolved
 * later, by the import, which reports them the same way.
 */
public final class LibraryValidator {

    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.\\-]{0,79}");
    private static final Pattern EDITION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:+\\-]{0,39}");
    private static final Pattern REF = Pattern.compile("[^\\s#@][^#@\\p{Cntrl}]{0,63}");
    public static final Pattern REQUIREMENT_REFERENCE =
            Pattern.compile("([a-z0-9][a-z0-9.\\-]{0,79})@([A-Za-z0-9][A-Za-z0-9.:+\\-]{0,39})#(.+)");
    public static final Pattern FRAMEWORK_REFERENCE =
            Pattern.compile("([a-z0-9][a-z0-9.\\-]{0,79})@([A-Za-z0-9][A-Za-z0-9.:+\\-]{0,39})");

    private final List<DocumentError> errors = new ArrayList<>();
    private final Locations at;

    private LibraryValidator(Locations at) {
        this.at = at;
    }

    public static void requireValid(LibraryDocument document) {
        requireValid(document, Locations.YAML);
    }

    public static void requireValid(LibraryDocument document, Locations locations) {
        List<DocumentError> errors = validate(document, locations);
        if (!errors.isEmpty()) {
            throw new RejectedDocumentException(errors);
        }
    }

    public static List<DocumentError> validate(LibraryDocument document, Locations locations) {
        LibraryValidator validator = new LibraryValidator(locations);
        validator.check(document);
        return validator.errors;
    }

    private void check(LibraryDocument document) {
        if (!LibraryDocument.FORMAT.equals(document.format())) {
            error("format", "must be '" + LibraryDocument.FORMAT + "'");
        }
        Set<String> frameworks = new HashSet<>();
        for (int f = 0; f < document.frameworks().size(); f++) {
            FrameworkEntry framework = document.frameworks().get(f);
            checkFramework(f, framework);
            if (framework.key() != null && !frameworks.add(framework.reference())) {
                error(at.framework(f, "edition"), "framework " + framework.reference() + " appears twice");
            }
        }
        for (int m = 0; m < document.mappings().size(); m++) {
            checkMapping(m, document.mappings().get(m));
        }
        for (int a = 0; a < document.adoptions().size(); a++) {
            var adoption = document.adoptions().get(a);
            int i = a;
            required(at.other("adoptions", a, "national-id"), adoption.nationalId(), 120);
            required(at.other("adoptions", a, "country"), adoption.country(), 20);
            reference(at.other("adoptions", a, "base"), adoption.base(), FRAMEWORK_REFERENCE, "key@edition");
            if (adoption.national() != null) {
                reference(
                        at.other("adoptions", a, "national"), adoption.national(), FRAMEWORK_REFERENCE, "key@edition");
            }
            parse(
                    at.other("adoptions", a, "degree"),
                    adoption.degree(),
                    v -> AdoptionDegree.valueOf(v.trim()),
                    "IDT, MOD or NEQ");
            required(at.other("adoptions", i, "status"), adoption.status(), 40);
            provenance(at.other("adoptions", a, "provenance"), adoption.provenance());
        }
        Set<String> markets = new HashSet<>();
        for (int m = 0; m < document.markets().size(); m++) {
            var market = document.markets().get(m);
            required(at.other("markets", m, "code"), market.code(), 12);
            required(at.other("markets", m, "name"), market.name(), 120);
            if (market.code() != null && !markets.add(market.code())) {
                error(at.other("markets", m, "code"), "market " + market.code() + " appears twice");
            }
            provenance(at.other("markets", m, "provenance"), market.provenance());
            for (int r = 0; r < market.rules().size(); r++) {
                var rule = market.rules().get(r);
                String base = "markets[" + m + "].rules[" + r + "].";
                reference(base + "framework", rule.framework(), FRAMEWORK_REFERENCE, "key@edition");
                required(base + "basis", rule.basis(), 40);
                required(base + "reason", rule.reason(), 1000);
                provenance(base + "provenance", rule.provenance());
            }
        }
        for (int r = 0; r < document.recognition().size(); r++) {
            var entry = document.recognition().get(r);
            required(at.other("recognition", r, "type"), entry.type(), 40);
            required(at.other("recognition", r, "key"), entry.key(), 120);
            if (entry.type() != null
                    && !Set.of("arrangement", "g2g-mra", "acceptance-rule").contains(entry.type())) {
                error(at.other("recognition", r, "type"), "must be arrangement, g2g-mra or acceptance-rule");
            }
            provenance(at.other("recognition", r, "provenance"), entry.provenance());
        }
    }

    private void checkFramework(int f, FrameworkEntry framework) {
        if (framework.key() == null || !KEY.matcher(framework.key()).matches()) {
            error(at.framework(f, "key"), "must be lower-case letters, digits, '.' and '-' (e.g. iso-iec-27001)");
        }
        required(at.framework(f, "name"), framework.name(), 200);
        if (framework.edition() == null || !EDITION.matcher(framework.edition()).matches()) {
            error(at.framework(f, "edition"), "must be a short edition such as 2022 or 2018+A1");
        }
        parse(
                at.framework(f, "kind"),
                framework.kind(),
                FrameworkKind::fromToken,
                "standard, national-standard, law, policy, agreement or checklist");
        optional(at.framework(f, "summary"), framework.summary(), 2000);
        provenance(at.framework(f, "provenance"), framework.provenance());
        if (framework.requirements().isEmpty()) {
            error(at.framework(f, "requirements"), "a framework needs at least one requirement");
        }
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < framework.requirements().size(); r++) {
            RequirementEntry requirement = framework.requirements().get(r);
            String ref = requirement.ref();
            if (ref == null || !REF.matcher(ref).matches()) {
                error(at.requirement(f, r, "ref"), "must be 1-64 characters without '#', '@' or leading space");
            } else if (!seen.add(ref)) {
                error(at.requirement(f, r, "ref"), "'" + ref + "' appears twice in " + framework.key());
            }
            if (requirement.parent() != null
                    && !requirement.parent().isBlank()
                    && !seen.contains(requirement.parent())) {
                error(
                        at.requirement(f, r, "parent"),
                        "'" + requirement.parent() + "' is not a requirement listed above this one");
            }
            required(at.requirement(f, r, "title"), requirement.title(), 300);
            optional(at.requirement(f, r, "zh"), requirement.zh(), 300);
            optional(at.requirement(f, r, "kind"), requirement.kind(), 40);
            for (String evidence : requirement.evidence()) {
                parse(at.requirement(f, r, "evidence"), evidence, v -> EvidenceType.valueOf(v.trim()), "E1 to E9");
            }
            if (requirement.provenance() != null) {
                provenance(at.requirement(f, r, "provenance"), requirement.provenance());
            }
        }
    }

    private void checkMapping(int m, MappingEntry mapping) {
        reference(at.mapping(m, "source"), mapping.source(), REQUIREMENT_REFERENCE, "key@edition#ref");
        reference(at.mapping(m, "target"), mapping.target(), REQUIREMENT_REFERENCE, "key@edition#ref");
        parse(at.mapping(m, "relationship"), mapping.relationship(), Relationship::fromToken, null);
        parse(at.mapping(m, "rationale"), mapping.rationale(), Rationale::fromToken, null);
        if (mapping.strength() != null && (mapping.strength() < 0 || mapping.strength() > 10)) {
            error(at.mapping(m, "strength"), "must be 0 to 10 (NIST IR 8477)");
        }
        if (mapping.confidence() != null) {
            parse(at.mapping(m, "confidence"), mapping.confidence(), Confidence::fromToken, null);
        }
        if (mapping.status() != null) {
            parse(at.mapping(m, "status"), mapping.status(), MappingStatus::fromToken, null);
        }
        if (mapping.method() != null && !Set.of("human", "automation", "hybrid").contains(mapping.method())) {
            error(at.mapping(m, "method"), "must be human, automation or hybrid");
        }
        optional(at.mapping(m, "note"), mapping.note(), 2000);
        provenance(at.mapping(m, "provenance"), mapping.provenance());
    }

    private void provenance(String location, ProvenanceEntry provenance) {
        if (provenance == null) {
            error(location, "every row needs a provenance (tag P, S, C, W, M or NF, and a source)");
            return;
        }
        parse(location + ".tag", provenance.tag(), v -> ProvenanceTag.valueOf(v.trim()), "P, S, C, W, M or NF");
        optional(location + ".source", provenance.source(), 1000);
        review(location, provenance);
    }

    /** A review names both who and when, on a date that has passed, of a row whose tag can be verified. */
    private void review(String location, ProvenanceEntry provenance) {
        boolean by = provenance.reviewedBy() != null && !provenance.reviewedBy().isBlank();
        boolean on = provenance.reviewedOn() != null && !provenance.reviewedOn().isBlank();
        if (by != on) {
            error(location + (by ? ".reviewed-on" : ".reviewed-by"), "a review records both its reviewer and its date");
            return;
        }
        if (!by) {
            return;
        }
        optional(location + ".reviewed-by", provenance.reviewedBy(), 200);
        try {
            if (LocalDate.parse(provenance.reviewedOn().strip())
                    .isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
                error(location + ".reviewed-on", "a review cannot be dated in the future");
            }
        } catch (DateTimeParseException e) {
            error(location + ".reviewed-on", "must be a date such as 2026-12-04");
        }
        try {
            if (!ProvenanceTag.valueOf(provenance.tag().trim()).citable()) {
                error(location + ".tag", "only a P, S or C source can be reviewed as verified");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // already reported for the tag
        }
    }

    private void reference(String location, String value, Pattern pattern, String form) {
        if (value == null || !pattern.matcher(value).matches()) {
            error(location, "must be a reference of the form " + form);
        }
    }

    private <T> void parse(
            String location, String value, java.util.function.Function<String, T> parser, String expected) {
        if (value == null || value.isBlank()) {
            error(location, "is required");
            return;
        }
        try {
            parser.apply(value);
        } catch (IllegalArgumentException e) {
            error(location, expected == null ? e.getMessage() : "'" + value + "' is not one of " + expected);
        }
    }

    private void required(String location, String value, int max) {
        if (value == null || value.isBlank()) {
            error(location, "is required");
        } else {
            optional(location, value, max);
        }
    }

    private void optional(String location, String value, int max) {
        if (value != null && value.length() > max) {
            error(location, "is longer than " + max + " characters");
        }
    }

    private void error(String location, String message) {
        errors.add(new DocumentError(location, message));
    }
}
