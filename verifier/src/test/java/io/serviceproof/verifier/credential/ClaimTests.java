package io.serviceproof.verifier.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClaimTests {

    private static final String CREDENTIAL = """
            {"issuer":{"id":"did:web:x.example:orgs:acme","name":"Acme Machines"},
             "validFrom":"2026-11-26T00:00:00Z","validUntil":"2027-11-26T00:00:00Z",
             "credentialSubject":{"assessorLevel":"Self","assessment":[{
               "assessedProduct":[{"name":"CNC line HP-5X"}],
               "referenceScheme":{"id":"urn:serviceproof:market-profile:TH"},
               "assessmentDate":"2026-11-25T10:00:00Z","conformance":false,"sp:readinessPercent":18.6,
               "sp:slaAttainment":[{"sp:serviceLayerId":"rqi","sp:period":"2026-10","sp:objectivesMet":3,
                 "sp:objectivesMeasured":4,"sp:objectivesPublished":5,"sp:breachesLast90Days":2}]}]}}
            """;

    @Test
    void aCredentialOfNonConformanceReadsAsSuchAtAGlance() {
        Claim claim = Claim.of(CREDENTIAL.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(claim.headline())
                .isEqualTo("Acme Machines declares that CNC line HP-5X does NOT CONFORM (not all mandatory"
                        + " requirements are met) for market profile TH — readiness 18.6 %");
        assertThat(claim.assessorLevel()).isEqualTo("Self");
        assertThat(claim.serviceLevels()).containsExactly(new Claim.LayerSla("rqi", "2026-10", 3, 4, 5, 2));
    }

    @Test
    void aConformantOneSaysSo() {
        Claim claim = Claim.of(CREDENTIAL
                        .replace("\"conformance\":false", "\"conformance\":true")
                        .getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(claim.headline()).contains("CONFORMS for market profile TH");
    }

    /** UNTP 0.6.0: the product inside a ProductVerification, the market profile as the scope. */
    private static final String UNTP_060 = """
            {"issuer":{"id":"did:web:x.example:orgs:acme","name":"Acme Machines"},
             "credentialSubject":{"assessorLevel":"Self",
               "scope":{"type":["ConformityAssessmentScheme"],"id":"urn:serviceproof:market-profile:VN",
                 "issuingParty":{"id":"did:web:x.example:orgs:acme","name":"Acme Machines"}},
               "assessment":[{"conformityTopic":"governance.compliance",
                 "assessedProduct":[{"type":["ProductVerification"],"product":{"name":"CNC line HP-5X"}}],
                 "assessmentDate":"2026-11-25","conformance":true}]}}
            """;

    @Test
    void theUntp060ShapeReadsTheSame() {
        Claim claim = Claim.of(UNTP_060.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(claim.headline())
                .isEqualTo("Acme Machines declares that CNC line HP-5X CONFORMS for market profile VN");
        assertThat(claim.assessmentDate()).isEqualTo("2026-11-25");
    }

    @Test
    void anythingElseHasNoClaim() {
        assertThat(Claim.of("{\"issuer\":\"did:key:z\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(Claim.of("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
