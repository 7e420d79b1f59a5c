package io.serviceproof.catalog.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The §4.4 chain on small hand-built recognition layers: a certificate counts in a market only if
 * every link holds (validity, kind, edition or identical adoption, accreditation for the sub-scope,
 * arrangement signatory at the level, local registration), and each failing link is named.
 */
class RecognitionEvaluatorTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static final AcceptanceRule VN_27001 = new AcceptanceRule(
            "vn", "VN", "iso-iec-27001@2022", List.of("certificate"), true, "IAF_MLA", 5, false, false, null);
    static final AcceptanceRule CN_27001 = new AcceptanceRule(
            "cn", "CN", "iso-iec-27001@2022", List.of("certificate"), true, "IAF_MLA", 5, true, false, null);
    static final AcceptanceRule ID_27001_REGISTERED = new AcceptanceRule(
            "id", "ID", "iso-iec-27001@2022", List.of("certificate"), true, "IAF_MLA", 5, false, true, null);

    static final Accreditation CB_ACCREDITED = new Accreditation(
            "acc",
            "CNAS",
            "Example CB",
            "ISO/IEC 17021-1",
            "ISO/IEC 27006 + ISO/IEC 27001",
            "CNAS C123",
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2028, 1, 1));
    static final Arrangement CNAS_IAF_L5 =
            new Arrangement("cnas", "CNAS", "CN", "IAF_MLA", 5, "ISO/IEC 27001, ISO 9001", "signatory");

    static ConformityResult certificate(String framework, LocalDate expires, List<String> registeredIn) {
        return new ConformityResult(
                "cert",
                "certificate",
                framework,
                null,
                "Remote O&M",
                "Example CB",
                null,
                LocalDate.of(2025, 3, 1),
                expires,
                "active",
                registeredIn);
    }

    static ConformityResult validCertificate() {
        return certificate("iso-iec-27001@2022", LocalDate.of(2028, 3, 1), List.of());
    }

    static RecognitionEvaluator layer(List<Accreditation> accreditations, List<Arrangement> arrangements) {
        return new RecognitionEvaluator(
                List.of(VN_27001, CN_27001, ID_27001_REGISTERED),
                accreditations,
                arrangements,
                List.of(new RecognitionEvaluator.IdenticalAdoption("CN", "iso-iec-27001", "2013", "GB/T 22080-2016")));
    }

    static Map<String, Boolean> checks(RecognitionVerdict verdict) {
        return verdict.checks().stream()
                .collect(Collectors.toMap(RecognitionCheck::condition, RecognitionCheck::holds));
    }

    @Test
    void aValidAccreditedCertificateUnderASignatoryIsRecognised() {
        RecognitionVerdict verdict =
                layer(List.of(CB_ACCREDITED), List.of(CNAS_IAF_L5)).evaluate(validCertificate(), "VN", TODAY);

        assertThat(verdict.recognised()).isTrue();
        assertThat(checks(verdict))
                .containsOnlyKeys("validity", "kind", "edition", "accreditation", "arrangement")
                .doesNotContainValue(false);
        assertThat(verdict.checks()).anySatisfy(c -> assertThat(c.explanation()).contains("CNAS C123"));
    }

    @Test
    void anExpiredCertificateIsNotRecognisedAndSaysSo() {
        RecognitionVerdict verdict = layer(List.of(CB_ACCREDITED), List.of(CNAS_IAF_L5))
                .evaluate(certificate("iso-iec-27001@2022", LocalDate.of(2026, 11, 1), List.of()), "VN", TODAY);

        assertThat(verdict.recognised()).isFalse();
        assertThat(checks(verdict)).containsEntry("validity", false).containsEntry("accreditation", true);
    }

    @Test
    void aCertificateAgainstAnotherEditionFailsTheEditionCheck() {
        RecognitionVerdict verdict = layer(List.of(CB_ACCREDITED), List.of(CNAS_IAF_L5))
                .evaluate(certificate("iso-iec-27001@2013", LocalDate.of(2028, 1, 1), List.of()), "VN", TODAY);

        assertThat(verdict.recognised()).isFalse();
        assertThat(checks(verdict)).containsEntry("edition", false);
    }

    @Test
    void aMarketRelyingOnANationalAdoptionNeedsAnIdenticalOneOfThatEdition() {
        // CN adopts only the 2013 edition identically here, so a 2022 certificate fails there...
        RecognitionVerdict cn =
                layer(List.of(CB_ACCREDITED), List.of(CNAS_IAF_L5)).evaluate(validCertificate(), "CN", TODAY);
        assertThat(cn.recognised()).isFalse();
        assertThat(checks(cn)).containsEntry("edition", false);

        // ...and passes once the identical adoption of 2022 is known.
        RecognitionEvaluator adopted = new RecognitionEvaluator(
                List.of(CN_27001),
                List.of(CB_ACCREDITED),
                List.of(CNAS_IAF_L5),
                List.of(new RecognitionEvaluator.IdenticalAdoption("CN", "iso-iec-27001", "2022", "GB/T 22080-2025")));
        assertThat(adopted.evaluate(validCertificate(), "CN", TODAY).recognised())
                .isTrue();
    }

    @Test
    void anAccreditationForAnotherSubScopeDoesNotCount() {
        Accreditation qualityOnly =
                new Accreditation("q", "CNAS", "Example CB", "ISO/IEC 17021-1", "ISO 9001", "CNAS Q1", null, null);
        RecognitionVerdict verdict =
                layer(List.of(qualityOnly), List.of(CNAS_IAF_L5)).evaluate(validCertificate(), "VN", TODAY);

        assertThat(verdict.recognised()).isFalse();
        assertThat(checks(verdict)).containsEntry("accreditation", false).containsEntry("arrangement", false);
    }

    @Test
    void theAccreditationBodyMustSignTheArrangementAtTheRequiredLevel() {
        Arrangement levelFourOnly = new Arrangement("l4", "CNAS", "CN", "IAF_MLA", 4, "ISO/IEC 17021-1", "signatory");
        Arrangement suspended = new Arrangement("s", "CNAS", "CN", "IAF_MLA", 5, "ISO/IEC 27001", "suspended");

        assertThat(checks(layer(List.of(CB_ACCREDITED), List.of(levelFourOnly))
                        .evaluate(validCertificate(), "VN", TODAY)))
                .containsEntry("arrangement", false);
        assertThat(checks(layer(List.of(CB_ACCREDITED), List.of(suspended)).evaluate(validCertificate(), "VN", TODAY)))
                .containsEntry("arrangement", false);
    }

    @Test
    void aMarketRequiringLocalRegistrationChecksIt() {
        RecognitionEvaluator evaluator = layer(List.of(CB_ACCREDITED), List.of(CNAS_IAF_L5));

        assertThat(checks(evaluator.evaluate(validCertificate(), "ID", TODAY)))
                .containsEntry("local-registration", false);
        assertThat(evaluator
                        .evaluate(
                                certificate("iso-iec-27001@2022", LocalDate.of(2028, 1, 1), List.of("ID")), "ID", TODAY)
                        .recognised())
                .isTrue();
    }

    @Test
    void aMarketWithoutAnAcceptanceRuleRecognisesNothingOnItsOwn() {
        RecognitionVerdict verdict =
                layer(List.of(CB_ACCREDITED), List.of(CNAS_IAF_L5)).evaluate(validCertificate(), "TH", TODAY);

        assertThat(verdict.recognised()).isFalse();
        assertThat(verdict.checks()).singleElement().satisfies(c -> {
            assertThat(c.condition()).isEqualTo("acceptance-rule");
            assertThat(c.explanation()).contains("buyer");
        });
    }

    @Test
    void aTestReportIsNotACertificate() {
        ConformityResult report = new ConformityResult(
                "r",
                "test_report",
                "iso-iec-27001@2022",
                null,
                null,
                "Example CB",
                null,
                LocalDate.of(2025, 1, 1),
                null,
                "active",
                List.of());
        assertThat(checks(layer(List.of(CB_ACCREDITED), List.of(CNAS_IAF_L5)).evaluate(report, "VN", TODAY)))
                .containsEntry("kind", false);
    }

    @Test
    void aVerdictRestingOnAnUnverifiedRuleOrSignatoryIsNotRecognisedAndNamesTheRows() {
        Map<Object, String> unverified = new java.util.IdentityHashMap<>();
        unverified.put(VN_27001, "acceptance rule vn (weak source)");
        unverified.put(CNAS_IAF_L5, "arrangement CNAS in the IAF_MLA (recalled, not verified)");
        RecognitionEvaluator evaluator = new RecognitionEvaluator(
                List.of(VN_27001, CN_27001), List.of(CB_ACCREDITED), List.of(CNAS_IAF_L5), List.of(), unverified);

        RecognitionVerdict verdict = evaluator.evaluate(validCertificate(), "VN", TODAY);

        assertThat(checks(verdict)).doesNotContainValue(false);
        assertThat(verdict.outcome()).isEqualTo(RecognitionVerdict.Outcome.UNVERIFIED);
        assertThat(verdict.recognised()).as("never counts as compliant").isFalse();
        assertThat(verdict.unverifiedRows())
                .containsExactly(
                        "acceptance rule vn (weak source)", "arrangement CNAS in the IAF_MLA (recalled, not verified)");
        assertThat(verdict.statement()).contains("Not established", "acceptance rule vn");
    }

    @Test
    void anArrangementIsWordedAsWhatItIsAndOnlyARegulationSaysRequired() {
        RecognitionVerdict practice =
                layer(List.of(CB_ACCREDITED), List.of(CNAS_IAF_L5)).evaluate(validCertificate(), "VN", TODAY);
        assertThat(practice.outcome()).isEqualTo(RecognitionVerdict.Outcome.RECOGNISED);
        assertThat(practice.statement())
                .contains("accreditation recognised under the IAF MLA", "acceptance by buyers in VN is expected")
                .doesNotContain("meets what a regulation");

        AcceptanceRule regulated = new AcceptanceRule(
                "vn-reg",
                "VN",
                "iso-iec-27001@2022",
                List.of("certificate"),
                true,
                "IAF_MLA",
                5,
                false,
                false,
                "Decree 00/2026 art. 1",
                "regulation");
        RecognitionVerdict required = new RecognitionEvaluator(
                        List.of(regulated), List.of(CB_ACCREDITED), List.of(CNAS_IAF_L5), List.of())
                .evaluate(validCertificate(), "VN", TODAY);
        assertThat(required.statement()).contains("meets what a regulation in VN requires", "Decree 00/2026");
    }

    @Test
    void anyUnverifiedInputNeverYieldsAnUnqualifiedVerdict() {
        // Every combination of the rows a VN verdict can rest on, each verified or not.
        Object[] rows = {VN_27001, CB_ACCREDITED, CNAS_IAF_L5};
        for (int mask = 0; mask < 1 << rows.length; mask++) {
            Map<Object, String> unverified = new java.util.IdentityHashMap<>();
            for (int i = 0; i < rows.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    unverified.put(rows[i], "row " + i);
                }
            }
            RecognitionVerdict verdict = new RecognitionEvaluator(
                            List.of(VN_27001), List.of(CB_ACCREDITED), List.of(CNAS_IAF_L5), List.of(), unverified)
                    .evaluate(validCertificate(), "VN", TODAY);
            assertThat(verdict.recognised()).as("mask %d", mask).isEqualTo(mask == 0);
            assertThat(verdict.unverifiedRows()).hasSize(Integer.bitCount(mask));
        }
    }
}
