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
}
