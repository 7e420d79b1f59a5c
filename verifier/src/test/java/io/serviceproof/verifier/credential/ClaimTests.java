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

    /** A body's credential: who attests, by what, for whom, under which accreditation, resting on what. */
    private static final String THIRD_PARTY = """
            {"issuer":{"id":"did:web:x.example:orgs:lotus","name":"Lotus Certification"},
             "credentialSubject":{"assessorLevel":"3rdParty","assessmentLevel":"Accredited",
               "attestationType":"certification",
               "issuedToParty":{"id":"did:web:x.example:orgs:acme","name":"Acme Machines"},
               "authorisation":[{"type":["Endorsement"],"id":"urn:x","name":"ISO/IEC 17021-1 accreditation 42",
                 "issuingAuthority":{"id":"urn:ab","name":"Some AB"},"sp:validUntil":"2029-01-01"}],
               "scope":{"id":"urn:serviceproof:market-profile:VN","name":"VN"},
               "assessment":[{"assessedProduct":[{"product":{"name":"CNC line HP-5X"}}],"conformance":true,
                 "sp:certifiedFramework":"iso-iec-27001@2022","sp:exporterCredential":"https://x.example/orgs/acme/credentials/1",
                 "sp:exporterCredentialDigest":"sha256:ab","sp:engagementDigest":"sha256:cd",
                 "sp:findingsRaised":2,"sp:findingsOpen":1}]}}
            """;

    @Test
    void aThirdPartysAttestationNamesWhoAttestsForWhomAndOnWhatItRests() {
        Claim claim = Claim.of(THIRD_PARTY.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(claim.headline())
                .isEqualTo("Lotus Certification (third party, certification) attests that CNC line HP-5X of Acme"
                        + " Machines CONFORMS for market profile VN, certifying iso-iec-27001@2022");
        Claim.ThirdParty attested = claim.thirdParty().orElseThrow();
        assertThat(attested.authorisations())
                .containsExactly(new Claim.Authorisation("ISO/IEC 17021-1 accreditation 42", "Some AB", "2029-01-01"));
        assertThat(attested.exporterCredentialDigest()).isEqualTo("sha256:ab");
        assertThat(attested.findingsOpen()).isEqualTo(1);
        // A self-declaration carrying the same fields is not made a third party's by them.
        assertThat(Claim.of(THIRD_PARTY.replace("3rdParty", "Self").getBytes(StandardCharsets.UTF_8))
                        .orElseThrow()
                        .thirdParty())
                .isEmpty();
    }

    @Test
    void anythingElseHasNoClaim() {
        assertThat(Claim.of("{\"issuer\":\"did:key:z\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(Claim.of("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
