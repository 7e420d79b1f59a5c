package io.serviceproof.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.catalog.exchange.LibraryDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A check on the shipped library that cannot drift: every row says where it comes from; a row that
 * claims to be verified names its source; and no shipped crosswalk counts (confirmed) on an
 * unverified reading, so an assessment never rests on a mapping nobody reviewed.
 */
class StarterLibraryProvenanceTests {

    private final LibraryDocument library = new StarterLibrary().release().document();

    @Test
    void everyShippedRowStatesItsProvenanceAndAVerifiedOneItsSource() {
        List<String> problems = new ArrayList<>();
        library.frameworks().forEach(f -> check("framework " + f.key() + "@" + f.edition(), f.provenance(), problems));
        library.adoptions().forEach(a -> check("adoption " + a.nationalId(), a.provenance(), problems));
        library.mappings().forEach(m -> check("mapping " + m.source() + " → " + m.target(), m.provenance(), problems));
        library.markets().forEach(m -> check("market " + m.code(), m.provenance(), problems));
        library.recognition().forEach(r -> check(r.type() + " " + r.key(), r.provenance(), problems));
        assertThat(problems).isEmpty();
    }

    @Test
    void noShippedMappingIsConfirmedWithoutAVerifiedSource() {
        assertThat(library.mappings())
                .filteredOn(m -> "confirmed".equals(m.status()))
                .allSatisfy(m -> {
                    assertThat(m.provenance().verified())
                            .as("%s → %s", m.source(), m.target())
                            .isTrue();
                    assertThat(m.provenance().source()).isNotBlank();
                });
    }

    /**
     * Rows an expert review found wrong, as corrected: in China a certification body needs CNCA
     * approval; Thai acceptance of an inspection report rests on accreditation, not on a national
     * adoption; no rule limits Vietnamese acceptance of inspection results to VIAS.
     */
    @Test
    void theReviewedRecognitionRowsSayWhatTheSourcesSupport() {
        LibraryDocument.RecognitionEntry cn = rule("cn-27001");
        assertThat(cn.requiresLocalRegistration()).isTrue();
        assertThat(cn.note()).contains("CNCA");
        assertThat(cn.provenance().source()).isNotBlank();
        assertThat(rule("th-17020").requiresNationalAdoption()).isFalse();
        assertThat(library.markets())
                .filteredOn(m -> m.code().equals("VN"))
                .singleElement()
                .satisfies(vn -> assertThat(vn.rules())
                        .noneSatisfy(r -> assertThat(r.reason()).contains("accepted only from")));
    }

    private LibraryDocument.RecognitionEntry rule(String key) {
        return library.recognition().stream()
                .filter(r -> key.equals(r.key()))
                .findFirst()
                .orElseThrow();
    }

    private static void check(String row, LibraryDocument.ProvenanceEntry provenance, List<String> problems) {
        if (provenance == null || provenance.tag() == null || provenance.tag().isBlank()) {
            problems.add(row + " has no provenance tag");
        } else if (Boolean.TRUE.equals(provenance.verified())
                && (provenance.source() == null || provenance.source().isBlank())) {
            problems.add(row + " is marked verified without naming its source");
        }
    }
}
