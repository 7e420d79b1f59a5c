package io.serviceproof.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.catalog.crosswalk.Coverage;
import io.serviceproof.catalog.crosswalk.Crosswalk;
import io.serviceproof.catalog.crosswalk.Crosswalk.AdoptionLink;
import io.serviceproof.catalog.crosswalk.Crosswalk.Edge;
import io.serviceproof.catalog.crosswalk.Crosswalk.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The NIST IR 8477 rules on small hand-built catalogs. */
class CrosswalkTests {

    static final Node A1 = new Node("a1", "A", "fw-a", "2022", "1");
    static final Node B1 = new Node("b1", "B", "fw-b", "2020", "1");
    static final Node C1 = new Node("c1", "C", "fw-c", "2019", "1");
    static final Node D1 = new Node("d1", "D", "fw-d", "2018", "1");

    static Edge edge(String id, Node source, Node target, Relationship relationship, MappingStatus status) {
        return new Edge(id, source.id(), target.id(), relationship, 8, status);
    }

    @Test
    void onlyConfirmedDirectMappingsCount() {
        Crosswalk crosswalk = new Crosswalk(
                List.of(A1, B1, C1),
                List.of(
                        edge("m1", A1, B1, Relationship.EQUAL_TO, MappingStatus.PROPOSED),
                        edge("m2", A1, C1, Relationship.EQUAL_TO, MappingStatus.REJECTED)),
                List.of());
        assertThat(crosswalk.coverage("a1", "b1")).isEqualTo(Coverage.NONE);
        assertThat(crosswalk.coverage("a1", "c1")).isEqualTo(Coverage.NONE);
        assertThat(crosswalk.coveredBy("a1")).isEmpty();
    }

    @Test
    void directionDecidesCoverage() {
        // A subset-of B: everything A asks, B asks too, so B covers A fully and A covers B partially.
        Crosswalk crosswalk = new Crosswalk(
                List.of(A1, B1),
                List.of(edge("m", A1, B1, Relationship.SUBSET_OF, MappingStatus.CONFIRMED)),
                List.of());
        assertThat(crosswalk.coverage("a1", "b1")).isEqualTo(Coverage.FULL);
        assertThat(crosswalk.coverage("b1", "a1")).isEqualTo(Coverage.PARTIAL);
    }

    @Test
    void multiHopInferencesAreSuggestionsWithWeakestLink() {
        Crosswalk crosswalk = new Crosswalk(
                List.of(A1, B1, C1),
                List.of(
                        edge("m1", A1, B1, Relationship.EQUAL_TO, MappingStatus.CONFIRMED),
                        new Edge("m2", B1.id(), C1.id(), Relationship.INTERSECTS_WITH, 4, MappingStatus.CONFIRMED)),
                List.of());
        assertThat(crosswalk.coverage("a1", "c1"))
                .as("an inference never counts")
                .isEqualTo(Coverage.NONE);
        List<Crosswalk.Suggestion> suggestions = crosswalk.suggestionsFor("a1");
        assertThat(suggestions).singleElement().satisfies(s -> {
            assertThat(s.targetId()).isEqualTo("c1");
            assertThat(s.coverage()).isEqualTo(Coverage.PARTIAL);
            assertThat(s.relationship()).isEqualTo(Relationship.INTERSECTS_WITH);
            assertThat(s.strength()).isEqualTo(4);
            assertThat(s.path()).containsExactly("a1", "b1", "c1");
        });
    }

    @Test
    void aRejectedDirectMappingSuppressesTheInference() {
        Crosswalk crosswalk = new Crosswalk(
                List.of(A1, B1, C1),
                List.of(
                        edge("m1", A1, B1, Relationship.EQUAL_TO, MappingStatus.CONFIRMED),
                        edge("m2", B1, C1, Relationship.EQUAL_TO, MappingStatus.CONFIRMED),
                        edge("m3", A1, C1, Relationship.EQUAL_TO, MappingStatus.REJECTED)),
                List.of());
        assertThat(crosswalk.suggestionsFor("a1")).isEmpty();
    }

    @Test
    void chainsOfSubsetsStaySubsetsAndThreeHopsAreTheLimit() {
        Node e1 = new Node("e1", "E", "fw-e", "2017", "1");
        Crosswalk crosswalk = new Crosswalk(
                List.of(A1, B1, C1, D1, e1),
                List.of(
                        edge("m1", A1, B1, Relationship.SUBSET_OF, MappingStatus.CONFIRMED),
                        edge("m2", B1, C1, Relationship.SUBSET_OF, MappingStatus.CONFIRMED),
                        edge("m3", C1, D1, Relationship.SUBSET_OF, MappingStatus.CONFIRMED),
                        edge("m4", D1, e1, Relationship.SUBSET_OF, MappingStatus.CONFIRMED)),
                List.of());
        List<Crosswalk.Suggestion> suggestions = crosswalk.suggestionsFor("a1");
        assertThat(suggestions).extracting(Crosswalk.Suggestion::targetId).containsExactlyInAnyOrder("c1", "d1");
        assertThat(suggestions).allSatisfy(s -> assertThat(s.relationship()).isEqualTo(Relationship.SUBSET_OF));
    }

    @Test
    void anIdenticalAdoptionIsEquivalenceForItsEditionOnly() {
        Node national = new Node("gb", "GB", "gb-t-22080", "2025", "A.5.1");
        Node iso2022 = new Node("iso22", "ISO22", "iso-iec-27001", "2022", "A.5.1");
        Node iso2013 = new Node("iso13", "ISO13", "iso-iec-27001", "2013", "A.5.1");
        Crosswalk crosswalk = new Crosswalk(
                List.of(national, iso2022, iso2013),
                List.of(),
                List.of(new AdoptionLink(
                        "GB/T 22080-2025", "gb-t-22080", "2025", "iso-iec-27001", "2022", AdoptionDegree.IDT)));
        assertThat(crosswalk.coverage("iso22", "gb")).isEqualTo(Coverage.FULL);
        assertThat(crosswalk.coverage("gb", "iso22")).isEqualTo(Coverage.FULL);
        assertThat(crosswalk.coverage("iso13", "gb")).as("another edition").isEqualTo(Coverage.NONE);
    }

    @Test
    void aModifiedAdoptionIsOnlyOffered() {
        Node national = new Node("sni", "SNI", "sni-x", "2009", "4.1");
        Node base = new Node("base", "BASE", "iso-x", "2005", "4.1");
        Crosswalk crosswalk = new Crosswalk(
                List.of(national, base),
                List.of(),
                List.of(new AdoptionLink("SNI X", "sni-x", "2009", "iso-x", "2005", AdoptionDegree.MOD)));
        assertThat(crosswalk.coverage("base", "sni")).isEqualTo(Coverage.NONE);
        assertThat(crosswalk.suggestionsFor("sni"))
                .singleElement()
                .satisfies(s -> assertThat(s.coverage()).isEqualTo(Coverage.PARTIAL));
    }

    @Test
    void coverageMatrixCountsFullPartialAndNone() {
        Node a2 = new Node("a2", "A", "fw-a", "2022", "2");
        Node a3 = new Node("a3", "A", "fw-a", "2022", "3");
        Node b2 = new Node("b2", "B", "fw-b", "2020", "2");
        var matrix = new Crosswalk(
                        List.of(A1, a2, a3, B1, b2),
                        List.of(
                                edge("m1", A1, B1, Relationship.EQUIVALENT_TO, MappingStatus.CONFIRMED),
                                edge("m2", a2, b2, Relationship.INTERSECTS_WITH, MappingStatus.CONFIRMED),
                                edge("m3", a3, b2, Relationship.EQUAL_TO, MappingStatus.PROPOSED)),
                        List.of())
                .compare("A", "B");
        assertThat(matrix.count(Coverage.FULL)).isEqualTo(1);
        assertThat(matrix.count(Coverage.PARTIAL)).isEqualTo(1);
        assertThat(matrix.count(Coverage.NONE)).isEqualTo(1);
        assertThat(matrix.coveredShare()).isEqualTo(0.5);
    }
}
