package io.serviceproof.catalog.exchange;

import java.util.List;

/**
 * Our library exchange format ({@code serviceproof-library/v1}), and the one model every import and
 * export goes through: OSCAL, spreadsheets and YAML are read into it, validated as a whole, and only
 * then stored. References between documents use {@code key@edition} and {@code key@edition#ref}.
 */
public record LibraryDocument(
        String format,
        String library,
        String version,
        List<FrameworkEntry> frameworks,
        List<AdoptionEntry> adoptions,
        List<MappingEntry> mappings,
        List<MarketEntry> markets,
        List<RecognitionEntry> recognition) {

    public static final String FORMAT = "serviceproof-library/v1";

    public LibraryDocument {
        frameworks = frameworks == null ? List.of() : List.copyOf(frameworks);
        adoptions = adoptions == null ? List.of() : List.copyOf(adoptions);
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
        markets = markets == null ? List.of() : List.copyOf(markets);
        recognition = recognition == null ? List.of() : List.copyOf(recognition);
    }

    public static LibraryDocument ofFrameworks(List<FrameworkEntry> frameworks) {
        return new LibraryDocument(FORMAT, null, null, frameworks, null, null, null, null);
    }

    /**
     * A row's source and its review. {@code verified} is written on export for readers and ignored on
     * import: a document cannot declare itself verified, only name who reviewed it and when.
     */
    public record ProvenanceEntry(String tag, String source, Boolean verified, String reviewedBy, String reviewedOn) {

        public static ProvenanceEntry unreviewed(String tag, String source) {
            return new ProvenanceEntry(tag, source, null, null, null);
        }
    }

    public record FrameworkEntry(
            String key,
            String name,
            String edition,
            String kind,
            String publisher,
            String jurisdiction,
            String status,
            String summary,
            ProvenanceEntry provenance,
            List<RequirementEntry> requirements) {

        public FrameworkEntry {
            requirements = requirements == null ? List.of() : List.copyOf(requirements);
        }

        public String reference() {
            return key + "@" + edition;
        }
    }

    public record RequirementEntry(
            String ref,
            String parent,
            String kind,
            String title,
            String zh,
            List<String> evidence,
            ProvenanceEntry provenance) {

        public RequirementEntry {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    public record AdoptionEntry(
            String nationalId,
            String country,
            String base,
            String degree,
            String deviations,
            String issued,
            String effective,
            String status,
            String national,
            ProvenanceEntry provenance) {}

    public record MappingEntry(
            String source,
            String target,
            String relationship,
            String rationale,
            Integer strength,
            String confidence,
            String status,
            String method,
            String note,
            ProvenanceEntry provenance) {}

    public record MarketEntry(
            String code,
            String name,
            String zh,
            List<String> languages,
            String standardsBody,
            String accreditationBody,
            List<String> reliesOn,
            String notes,
            String notCovered,
            ProvenanceEntry provenance,
            List<MarketRuleEntry> rules) {

        public MarketEntry {
            languages = languages == null ? List.of() : List.copyOf(languages);
            reliesOn = reliesOn == null ? List.of() : List.copyOf(reliesOn);
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    public record MarketRuleEntry(
            String framework, String requirement, String basis, String reason, String zh, ProvenanceEntry provenance) {}

    /**
     * A row of the recognition layer (domain reference §4.4). {@code type} is one of
     * {@code arrangement} (an accreditation body's signatory status in IAF MLA / ILAC MRA / APAC
     * MRA), {@code g2g-mra} or {@code acceptance-rule}; the other fields apply by type.
     */
    public record RecognitionEntry(
            String type,
            String key,
            String body,
            String country,
            String arrangement,
            Integer level,
            String scope,
            String recognisedOn,
            String status,
            String name,
            List<String> parties,
            String sector,
            List<String> covers,
            String market,
            String framework,
            List<String> accepts,
            Boolean requiresAccreditation,
            String requiresArrangement,
            Integer requiresLevel,
            Boolean requiresNationalAdoption,
            Boolean requiresLocalRegistration,
            String note,
            ProvenanceEntry provenance) {

        public RecognitionEntry {
            parties = parties == null ? List.of() : List.copyOf(parties);
            covers = covers == null ? List.of() : List.copyOf(covers);
            accepts = accepts == null ? List.of() : List.copyOf(accepts);
        }
    }
}
