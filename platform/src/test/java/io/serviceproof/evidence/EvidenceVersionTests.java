package io.serviceproof.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Whose approval each link of a piece of evidence rests on. */
class EvidenceVersionTests {

    private static final Instant APPROVED_AT = Instant.parse("2026-11-02T09:00:00Z");

    private static EvidenceVersion version(EvidenceStatus status, Instant reviewedAt) {
        return new EvidenceVersion(
                "v1",
                "item",
                1,
                "00",
                1,
                "report.pdf",
                "application/pdf",
                LocalDate.parse("2026-10-01"),
                null,
                status,
                APPROVED_AT.minusSeconds(3600),
                "engineer-id",
                "Eng Ineer",
                "manager-id",
                "Li Manager",
                null,
                reviewedAt,
                1L,
                2L);
    }

    private static EvidenceLink linkAt(Instant at, String by) {
        return new EvidenceLink("l", "item", LinkTarget.REQUIREMENT, "req", at, by);
    }

    @Test
    void aLinkThatExistedAtApprovalRestsOnTheReviewer() {
        assertThat(version(EvidenceStatus.APPROVED, APPROVED_AT)
                        .approverOf(linkAt(APPROVED_AT.minusSeconds(60), "Eng Ineer")))
                .contains("Li Manager");
    }

    @Test
    void aLinkAddedAfterApprovalRestsOnWhoeverAddedIt() {
        assertThat(version(EvidenceStatus.APPROVED, APPROVED_AT)
                        .approverOf(linkAt(APPROVED_AT.plusSeconds(60), "Wang Owner")))
                .contains("Wang Owner");
    }

    @Test
    void nothingIsApprovedOnAVersionThatIsNot() {
        assertThat(version(EvidenceStatus.IN_REVIEW, null).approverOf(linkAt(APPROVED_AT, "x")))
                .isEmpty();
        assertThat(version(EvidenceStatus.EXPIRED, APPROVED_AT).approverOf(linkAt(APPROVED_AT, "x")))
                .isEmpty();
    }
}
