package io.serviceproof.tender;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a clause is read before it is matched: its language, its normalised text, the figures it asks. */
class ClauseReadingTests {

    @Test
    void languageIsToldByScriptClauseByClause() {
        assertThat(ClauseLanguage.of("The supplier shall encrypt data at rest")).isEqualTo("en");
        assertThat(ClauseLanguage.of("Nhà thầu phải mã hóa dữ liệu")).isEqualTo("vi");
        // Typed without diacritics a Vietnamese clause is indistinguishable from Latin text: read as English.
        assertThat(ClauseLanguage.of("Nha thau phai ma hoa du lieu")).isEqualTo("en");
        assertThat(ClauseLanguage.of("供应商应符合ISO/IEC 27001要求")).isEqualTo("zh");
        assertThat(ClauseLanguage.of("ผู้ขายต้องสำรองข้อมูลทุกวัน")).isEqualTo("th");
        assertThat(ClauseLanguage.of("ISO/IEC 27001 certificate 证书")).isEqualTo("en");
        assertThat(ClauseLanguage.ofTender(List.of("vi", "vi", "en"))).isEqualTo("vi");
        assertThat(ClauseLanguage.ofTender(List.of("vi", "en", "en"))).isEqualTo("en");
    }

    @Test
    void theSameClauseWrittenAnotherWayHasTheSameDigestAndAnotherClauseDoesNot() {
        String digest = ClauseText.digest("4.2  The supplier SHALL provide 24/7 support.");
        assertThat(ClauseText.digest("The supplier shall provide 24/7 support")).isEqualTo(digest);
        assertThat(ClauseText.digest("The supplier shall provide 24/7 support！"))
                .isEqualTo(digest);
        assertThat(ClauseText.digest("The supplier shall provide 12/7 support")).isNotEqualTo(digest);
        assertThat(ClauseText.digest("Availability of 99.5 %"))
                .isNotEqualTo(ClauseText.digest("Availability of 99.9 %"));
    }

    @Test
    void figuresAreReadInEachLanguageAndDurationsInSeconds() {
        assertThat(Quantities.in("Availability shall be at least 99,5% per month"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(Quantities.Kind.PERCENT);
                    assertThat(a.value()).isEqualByComparingTo("99.5");
                });
        assertThat(seconds("respond within 4 hours")).isEqualByComparingTo("14400");
        assertThat(seconds("phản hồi trong vòng 30 phút")).isEqualByComparingTo("1800");
        assertThat(seconds("4小时内到达现场")).isEqualByComparingTo("14400");
        assertThat(seconds("ตอบสนองภายใน 2 ชั่วโมง")).isEqualByComparingTo("7200");
        assertThat(Quantities.in("ISO 9001:2015 certificate")).isEmpty();
    }

    private static BigDecimal seconds(String text) {
        return Quantities.in(text).stream()
                .filter(a -> a.kind() == Quantities.Kind.SECONDS)
                .findFirst()
                .orElseThrow()
                .value();
    }

    @Test
    void anObjectiveMeetsAFloorAtOrAboveItAndALimitAtOrWithinIt() {
        Answerable.Objective availability = new Answerable.Objective("availability", ">=", new BigDecimal("99.9"), "%");
        Answerable.Objective restore = new Answerable.Objective("restore", "<=", new BigDecimal("120"), "min");
        Quantities.Asked floor = Quantities.in("99.5 %").get(0);
        Quantities.Asked higher = Quantities.in("99.95 %").get(0);
        Quantities.Asked fourHours = Quantities.in("within 4 hours").get(0);
        Quantities.Asked oneHour = Quantities.in("within 1 hour").get(0);

        assertThat(Quantities.meets(availability, floor)).isTrue();
        assertThat(Quantities.meets(availability, higher)).isFalse();
        assertThat(Quantities.meets(restore, fourHours)).isTrue();
        assertThat(Quantities.meets(restore, oneHour)).isFalse();
        // Percent against minutes measures nothing alike.
        assertThat(Quantities.meets(restore, floor)).isNull();
        assertThat(Quantities.meets(availability, fourHours)).isNull();
    }

    @Test
    void theDraftCompliesOnlyWhenEveryPickStands() {
        Suggestion sound = new Suggestion(
                "evidence", "e1", "Audit log export", "evidence \"Audit log\" v2", 3, true, List.of(), List.of(), null);
        Suggestion expired = new Suggestion(
                "evidence",
                "e2",
                "Pen test",
                "evidence \"Pen test\" v1",
                2,
                true,
                List.of(),
                List.of("evidence expired on 2026-01-01"),
                null);
        Suggestion past =
                new Suggestion("past-answer", "d", "earlier", "ref", 9, true, List.of(), List.of(), "partial");

        assertThat(AnswerDraft.of(List.of(sound)).answer()).isEqualTo(Answer.COMPLY);
        AnswerDraft mixed = AnswerDraft.of(List.of(sound, expired));
        assertThat(mixed.answer()).isEqualTo(Answer.PARTIAL);
        assertThat(mixed.flags()).containsExactly("evidence expired on 2026-01-01");
        assertThat(mixed.references()).isEqualTo("evidence \"Audit log\" v2; evidence \"Pen test\" v1");
        assertThat(AnswerDraft.of(List.of()).answer()).isEqualTo(Answer.NOT_COMPLY);
        assertThat(AnswerDraft.of(List.of(past)).answer()).isEqualTo(Answer.PARTIAL);
    }

    @Test
    void aCsvValueASpreadsheetWouldRunIsMadeInert() {
        assertThat(TenderExports.inert("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(TenderExports.inert("+1")).isEqualTo("'+1");
        assertThat(TenderExports.inert("-2+3")).isEqualTo("'-2+3");
        assertThat(TenderExports.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TenderExports.inert("ISO/IEC 27001:2022 A.5.15")).isEqualTo("ISO/IEC 27001:2022 A.5.15");
    }

    @Test
    void headerTitlesAreReadByTheirWords() {
        assertThat(HeaderRoles.of("Requirement No.")).isEqualTo(HeaderRoles.Role.NUMBER);
        assertThat(HeaderRoles.of("Requirement description")).isEqualTo(HeaderRoles.Role.TEXT);
        assertThat(HeaderRoles.of("Supplier's response")).isEqualTo(HeaderRoles.Role.ANSWER);
        assertThat(HeaderRoles.of("Đáp ứng (Có/Không)")).isEqualTo(HeaderRoles.Role.ANSWER);
        assertThat(HeaderRoles.of("Tài liệu tham chiếu")).isEqualTo(HeaderRoles.Role.REFERENCE);
        assertThat(HeaderRoles.of("备注")).isEqualTo(HeaderRoles.Role.REMARKS);
        assertThat(HeaderRoles.of("Price")).isEqualTo(HeaderRoles.Role.OTHER);
    }
}
