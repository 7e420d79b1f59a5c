package io.serviceproof.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The derivation rules on hand-built inputs. */
class AssessmentEngineTests {

    static AssessmentInputs.Applicable requirement(String id, String basis, String... types) {
        return new AssessmentInputs.Applicable(id, "fw-" + id, "FW", id, "Title " + id, basis, Set.of(types));
    }

    static AssessmentInputs inputs(
            List<AssessmentInputs.Applicable> applicable,
            Map<String, List<String>> approved,
            Map<String, List<String>> pending,
            Map<String, List<AssessmentInputs.Cover>> covered,
            Map<String, String> recognised,
            Map<String, String> documented,
            Map<String, AssessmentInputs.Override> overrides) {
        return inputs(applicable, approved, pending, covered, recognised, documented, overrides, List.of());
    }

    static AssessmentInputs inputs(
            List<AssessmentInputs.Applicable> applicable,
            Map<String, List<String>> approved,
            Map<String, List<String>> pending,
            Map<String, List<AssessmentInputs.Cover>> covered,
            Map<String, String> recognised,
            Map<String, String> documented,
            Map<String, AssessmentInputs.Override> overrides,
            List<AssessmentInputs.SlaFinding> sla) {
        return new AssessmentInputs(
                applicable,
                approved,
                pending,
                covered,
                recognised,
                documented,
                overrides,
                Map.of("E2", Set.of("layer-1")),
                Map.of(),
                sla);
    }

    @Test
    void aRequirementResultingFromAnUnreviewedCatalogRowSaysSoAndOnlyThatOne() {
        AssessmentInputs.Applicable unreviewed = new AssessmentInputs.Applicable(
                "r1",
                "fw-r1",
                "FW",
                "r1",
                "Title r1",
                "mandatory",
                Set.of("E3"),
                "no recorded review of the VN rule making it mandatory [S]");
        List<RequirementResult> results = AssessmentEngine.derive(inputs(
                List.of(unreviewed, requirement("r2", "mandatory", "E3")),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of("E3", "Layer v1: logs"),
                Map.of()));
        assertThat(resultOf(results, "r1")).isEqualTo(Result.COMPLIANT);
        assertThat(results.get(0).reasons())
                .filteredOn(r -> r.kind().equals("unverified-source"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.text()).contains("VN rule");
                    assertThat(r.link()).isEqualTo("/catalog/requirements/r1");
                });
        assertThat(results.get(1).reasons()).extracting(Reason::kind).doesNotContain("unverified-source");
    }

    @Test
    void aRecentSlaBreachIsANonconformityOnRequirementsThatExpectAnSla() {
        List<AssessmentInputs.Applicable> applicable =
                List.of(requirement("sla", "mandatory", "E2"), requirement("logs", "mandatory", "E3"));
        Map<String, String> documented = Map.of("E2", "Layer v1: SLA", "E3", "Layer v1: logs");
        AssessmentInputs.SlaFinding attained =
                new AssessmentInputs.SlaFinding("layer-2", false, "5 of 5 objectives met in 2026-10", "/layers/x/sla");
        AssessmentInputs.SlaFinding breach =
                new AssessmentInputs.SlaFinding("layer-2", true, "availability missed in 2026-10", "/ledger/entries/9");

        List<RequirementResult> met = AssessmentEngine.derive(
                inputs(applicable, Map.of(), Map.of(), Map.of(), Map.of(), documented, Map.of(), List.of(attained)));
        assertThat(resultOf(met, "sla")).isEqualTo(Result.COMPLIANT);
        assertThat(met.get(0).reasons()).extracting(Reason::kind).contains("sla");

        List<RequirementResult> breached = AssessmentEngine.derive(inputs(
                applicable, Map.of(), Map.of(), Map.of(), Map.of(), documented, Map.of(), List.of(attained, breach)));
        assertThat(resultOf(breached, "sla")).isEqualTo(Result.PARTIAL);
        assertThat(breached.get(0).reasons())
                .filteredOn(r -> r.kind().equals("sla-breach"))
                .singleElement()
                .satisfies(r -> assertThat(r.link()).isEqualTo("/ledger/entries/9"));
        assertThat(breached.get(0).layers()).contains("layer-2");
        // Requirements that do not expect an SLA are untouched.
        assertThat(resultOf(breached, "logs")).isEqualTo(Result.COMPLIANT);
    }

    static Result resultOf(List<RequirementResult> results, String id) {
        return results.stream()
                .filter(r -> r.requirementId().equals(id))
                .findFirst()
                .orElseThrow()
                .result();
    }

    @Test
    void eachSourceGivesItsResultAndSaysWhy() {
        List<RequirementResult> results = AssessmentEngine.derive(inputs(
                List.of(
                        requirement("evidenced", "expected", "E3"),
                        requirement("inherited-full", "expected", "E3"),
                        requirement("inherited-partial", "expected", "E3"),
                        requirement("documented", "mandatory", "E2", "E6"),
                        requirement("half-documented", "mandatory", "E2", "E4"),
                        requirement("pending", "recommended", "E3"),
                        requirement("certified", "expected", "E3"),
                        requirement("nothing", "mandatory", "E3")),
                Map.of("evidenced", List.of("Session log"), "other", List.of("Other log")),
                Map.of("pending", List.of("Draft procedure")),
                Map.of(
                        "inherited-full", List.of(new AssessmentInputs.Cover("other", "iso 7.2", true, "m1")),
                        "inherited-partial", List.of(new AssessmentInputs.Cover("other", "iso 7.3", false, "m2"))),
                Map.of("fw-certified", "certificate by CB, recognised in VN"),
                Map.of("E2", "Layer v1: SLA", "E6", "Layer v1: data flow"),
                Map.of()));

        assertThat(resultOf(results, "evidenced")).isEqualTo(Result.COMPLIANT);
        assertThat(resultOf(results, "inherited-full")).isEqualTo(Result.COMPLIANT);
        assertThat(resultOf(results, "inherited-partial")).isEqualTo(Result.PARTIAL);
        assertThat(resultOf(results, "documented")).isEqualTo(Result.COMPLIANT);
        assertThat(resultOf(results, "half-documented")).isEqualTo(Result.PARTIAL);
        assertThat(resultOf(results, "pending")).isEqualTo(Result.PARTIAL);
        assertThat(resultOf(results, "certified")).isEqualTo(Result.COMPLIANT);
        assertThat(resultOf(results, "nothing")).isEqualTo(Result.NOT_ASSESSED);
        assertThat(results.stream()
                        .filter(r -> r.requirementId().equals("documented"))
                        .findFirst()
                        .orElseThrow()
                        .layers())
                .containsExactly("layer-1");
        assertThat(results).allSatisfy(r -> assertThat(r.reasons()).isNotEmpty());
        assertThat(results.get(1).reasons()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("mapping");
            assertThat(r.text()).contains("fully covered by iso 7.2", "Other log");
            assertThat(r.link()).isEqualTo("/catalog/mappings/m1");
        });
    }

    @Test
    void anOverrideWinsButTheDerivedResultStaysVisible() {
        List<RequirementResult> results = AssessmentEngine.derive(inputs(
                List.of(requirement("a", "mandatory", "E3")),
                Map.of("a", List.of("Log")),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(
                        "a",
                        new AssessmentInputs.Override(Result.NON_COMPLIANT, "log misses technician ids", "Li Na"))));
        RequirementResult a = results.get(0);
        assertThat(a.result()).isEqualTo(Result.NON_COMPLIANT);
        assertThat(a.derived()).isEqualTo(Result.COMPLIANT);
        assertThat(a.overridden()).isTrue();
        assertThat(a.reasons().get(0).text()).contains("log misses technician ids", "Li Na");
    }

    @Test
    void readinessWeighsByWhyTheMarketNeedsIt() {
        List<RequirementResult> results = AssessmentEngine.derive(inputs(
                List.of(
                        requirement("m", "mandatory", "E3"),
                        requirement("e", "expected", "E3"),
                        requirement("r", "recommended", "E3"),
                        requirement("na", "mandatory", "E3")),
                Map.of("m", List.of("x")),
                Map.of("e", List.of("draft")),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(
                        "na",
                        new AssessmentInputs.Override(Result.NOT_APPLICABLE, "no personal data processed", "Li Na"))));
        // mandatory compliant 3×1 + expected partial 2×0.5 + recommended 0 = 4 of 6.
        assertThat(Readiness.score(results)).isEqualTo(66.7);
    }
}
