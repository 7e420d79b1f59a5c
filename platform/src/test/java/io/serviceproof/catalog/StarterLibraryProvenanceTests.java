package io.serviceproof.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.catalog.exchange.LibraryDocument;
import io.serviceproof.catalog.exchange.LibraryDocument.ProvenanceEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A check on the shipped library that cannot drift: every row, down to each requirement and market
 * rule, says where it comes from; a row counts as verified only when a named reviewer recorded a
 * citable source and a date that has passed, and no row claims verification any other way; every
 * market profile says what it does not cover; and no shipped crosswalk counts (confirmed) on an
 * unreviewed reading, so an assessment never rests on a mapping nobody reviewed.
 */
class StarterLibraryProvenanceTests {

    private final LibraryDocument library = new StarterLibrary().release().document();

    @Test
    void everyShippedRowStatesItsProvenanceAndAVerifiedOneItsReviewerSourceAndDate() {
        List<String> problems = new ArrayList<>();
        library.frameworks().forEach(f -> {
            String framework = "framework " + f.key() + "@" + f.edition();
            check(framework, f.provenance(), null, problems);
            f.requirements().stream()
                    .filter(r -> r.provenance() != null)
                    .forEach(r -> check(framework + "#" + r.ref(), r.provenance(), f.provenance(), problems));
        });
        library.adoptions().forEach(a -> check("adoption " + a.nationalId(), a.provenance(), null, problems));
        library.mappings()
                .forEach(m -> check("mapping " + m.source() + " → " + m.target(), m.provenance(), null, problems));
        library.markets().forEach(m -> {
            check("market " + m.code(), m.provenance(), null, problems);
            m.rules()
                    .forEach(r -> check(
                            "market " + m.code() + " rule " + r.framework(), r.provenance(), m.provenance(), problems));
        });
        library.recognition().forEach(r -> check(r.type() + " " + r.key(), r.provenance(), null, problems));
        assertThat(problems).isEmpty();
    }

    @Test
    void aTagAloneNeverMakesARowVerified() {
        assertThat(CatalogWriter.provenance(ProvenanceEntry.unreviewed("P", "std.samr.gov.cn"))
                        .verified())
                .isFalse();
        assertThat(CatalogWriter.provenance(new ProvenanceEntry("S", "law-firm note", true, null, null))
                        .verified())
                .as("a document cannot declare itself verified")
                .isFalse();
        assertThat(CatalogWriter.provenance(new ProvenanceEntry("M", "recalled", null, "A Reviewer", "2026-12-01"))
                        .verified())
                .as("a recalled row stays unverified even when someone signs it")
                .isFalse();
        assertThat(CatalogWriter.provenance(new ProvenanceEntry("P", "", null, "A Reviewer", "2026-12-01"))
                        .verified())
                .as("a review without a source")
                .isFalse();
        assertThat(CatalogWriter.provenance(new ProvenanceEntry("S", "law-firm note", null, "A Reviewer", "2026-12-01"))
                        .verified())
                .isTrue();
    }

    @Test
    void everyMarketProfileSaysWhatItDoesNotCover() {
        assertThat(library.markets())
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.notCovered()).as(m.code()).isNotBlank());
    }

    @Test
    void noShippedMappingIsConfirmedWithoutARecordedReview() {
        assertThat(library.mappings())
                .filteredOn(m -> "confirmed".equals(m.status()))
                .allSatisfy(
                        m -> assertThat(CatalogWriter.provenance(m.provenance()).verified())
                                .as("%s → %s", m.source(), m.target())
                                .isTrue());
    }

    /**
     * Rows an expert review found wrong, as corrected: in China a certification body needs CNCA
     * approval; Thai acceptance of an inspection report rests on accreditation, not on a national
     * adoption; no rule limits Vietnamese acceptance of inspection results to VIAS; 27018:2025
     * supersedes 2019; ISO 9001's 10.3 is continual improvement; Indonesia adopted 27001:2022.
     */
    @Test
    void theReviewedRowsSayWhatTheSourcesSupport() {
        LibraryDocument.RecognitionEntry cn = rule("cn-27001");
        assertThat(cn.requiresLocalRegistration()).isTrue();
        assertThat(cn.note()).contains("CNCA");
        assertThat(CatalogWriter.provenance(cn.provenance()).verified()).isTrue();
        assertThat(rule("th-17020").requiresNationalAdoption()).isFalse();
        assertThat(library.markets())
                .filteredOn(m -> m.code().equals("VN"))
                .singleElement()
                .satisfies(vn -> assertThat(vn.rules())
                        .noneSatisfy(r -> assertThat(r.reason()).contains("accepted only from")));
        assertThat(framework("iso-iec-27018", "2019").status()).isEqualTo("superseded");
        assertThat(framework("iso-iec-27018", "2025").status()).isEqualTo("current");
        assertThat(framework("iso-9001", "2015").requirements()).anySatisfy(r -> {
            assertThat(r.ref()).isEqualTo("10.3");
            assertThat(r.title()).isEqualTo("Continual improvement");
        });
        assertThat(library.adoptions())
                .anySatisfy(a -> assertThat(a.nationalId()).isEqualTo("SNI ISO/IEC 27001:2022"));
    }

    private LibraryDocument.FrameworkEntry framework(String key, String edition) {
        return library.frameworks().stream()
                .filter(f -> f.key().equals(key) && f.edition().equals(edition))
                .findFirst()
                .orElseThrow();
    }

    private LibraryDocument.RecognitionEntry rule(String key) {
        return library.recognition().stream()
                .filter(r -> key.equals(r.key()))
                .findFirst()
                .orElseThrow();
    }

    private static void check(
            String row, ProvenanceEntry provenance, ProvenanceEntry inherited, List<String> problems) {
        if (provenance == null || provenance.tag() == null || provenance.tag().isBlank()) {
            problems.add(row + " has no provenance tag");
            return;
        }
        if (provenance.verified() != null) {
            problems.add(row + " declares verified instead of recording reviewed-by and reviewed-on");
        }
        boolean reviewed = provenance.reviewedBy() != null || provenance.reviewedOn() != null;
        if (!reviewed) {
            return;
        }
        String source =
                provenance.source() != null ? provenance.source() : inherited == null ? null : inherited.source();
        if (provenance.reviewedBy() == null || provenance.reviewedBy().isBlank()) {
            problems.add(row + " records a review date without its reviewer");
        } else if (provenance.reviewedOn() == null
                || LocalDate.parse(provenance.reviewedOn()).isAfter(LocalDate.now())) {
            problems.add(row + " records a review without a past date");
        } else if (source == null || source.isBlank()) {
            problems.add(row + " is reviewed without naming the source it was checked against");
        } else if (!ProvenanceTag.valueOf(provenance.tag()).citable()) {
            problems.add(row + " is reviewed against a source its own tag calls uncitable");
        }
    }
}
