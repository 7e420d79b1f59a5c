package io.serviceproof.tender.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A suggestion's reasons and flags are recorded in English; the Chinese page says each phrase in
 * Chinese and keeps the names, terms and figures inside it as recorded.
 */
class TenderWordingTests {

    private static final TenderWording WORDING = new TenderWording(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /**
     * One of each phrase the matcher (ClauseMatcher), the knowledge snapshot (Knowledge) and an answer
     * (Tenders) record, as they record it.
     */
    static final List<String> RECORDED = List.of(
            "matched terms: audit, log, remote",
            "\"nhật ký kiểm toán\" read as \"audit log\" / 审计日志 (glossary)",
            "\"Logging\" read as \"Logging\" / 日志记录 (ISO/IEC 27001:2022 A.8.15)",
            "the clause names its title \"Failure-response protocols\"",
            "asks 99.5 %; the SLO promises availability >= 99.9 %: meets it",
            "asks 99.95 %; the SLO promises availability >= 99.9 %: falls short",
            "crosswalk: covers IEC 62443-3-3:2013 SR 2.8 Auditable events (partial, the demo crosswalk)",
            "crosswalk: covers ISO/IEC 27001:2022 A.8.15 Logging (full, confirmed mapping)",
            "the same clause was answered \"Partially comply\" in an earlier tender",
            "the SLO promises less than the clause asks (99.95 %)",
            "answered on the person's word: nothing cited",
            "no approved evidence linked",
            "library entry not reviewed against its source [unverified]",
            "evidence in-review, not approved",
            "evidence expired on 2026-03-01",
            "evidence effective only from 2027-01-01",
            "approved by its own uploader",
            "SLO breached in the last 90 days",
            "qualification not current today",
            "certificate expired on 2026-06-30",
            "certificate record not reviewed [unverified]",
            "certificate suspended");

    @Test
    void everyRecordedPhraseIsSaidInChineseWithItsNamesAndFiguresKept() {
        for (String recorded : RECORDED) {
            String chinese = WORDING.say(recorded, Locale.SIMPLIFIED_CHINESE);
            assertThat(chinese)
                    .as(recorded)
                    .isNotEqualTo(recorded)
                    .matches("(?s).*\\p{IsHan}.*")
                    .doesNotContain("{0}", "{1}", "{2}");
            for (String english : List.of(
                    "matched terms",
                    "read as",
                    "names its title",
                    "the SLO promises",
                    "crosswalk:",
                    "earlier tender",
                    "nothing cited",
                    "not approved",
                    "not reviewed",
                    "expired on",
                    "effective only",
                    "own uploader",
                    "breached",
                    "not current")) {
                assertThat(chinese).as(recorded).doesNotContain(english);
            }
        }
        assertThat(WORDING.say(RECORDED.get(0), Locale.SIMPLIFIED_CHINESE)).isEqualTo("匹配的词：audit, log, remote");
        assertThat(WORDING.say(RECORDED.get(1), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("“nhật ký kiểm toán”理解为“audit log / 审计日志”（术语表）");
        assertThat(WORDING.say(RECORDED.get(2), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("“Logging”理解为“Logging / 日志记录”（ISO/IEC 27001:2022 A.8.15）");
        assertThat(WORDING.say(RECORDED.get(6), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("映射：覆盖 IEC 62443-3-3:2013 SR 2.8 Auditable events（部分，the demo crosswalk）");
        assertThat(WORDING.say(RECORDED.get(8), Locale.SIMPLIFIED_CHINESE)).isEqualTo("同一条款在以前的投标中答复为“部分符合”");
        assertThat(WORDING.say(RECORDED.get(13), Locale.SIMPLIFIED_CHINESE)).isEqualTo("证据状态为“审核中”，未批准");
        assertThat(WORDING.say(RECORDED.get(20), Locale.SIMPLIFIED_CHINESE)).isEqualTo("证书记录未经核实 [unverified]");
        assertThat(WORDING.say(RECORDED.get(21), Locale.SIMPLIFIED_CHINESE)).isEqualTo("证书状态：suspended");
    }

    @Test
    void englishIsTheRecordedTextAndAnythingElseIsShownAsRecorded() {
        for (String recorded : RECORDED) {
            assertThat(WORDING.say(recorded, Locale.ENGLISH)).isEqualTo(recorded);
        }
        assertThat(WORDING.say("a reviewer's own note", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("a reviewer's own note");
        assertThat(WORDING.say(null, Locale.SIMPLIFIED_CHINESE)).isNull();
        // Another language without these messages reads the recorded English, apostrophes intact.
        assertThat(WORDING.say("answered on the person's word: nothing cited", Locale.forLanguageTag("vi")))
                .isEqualTo("answered on the person's word: nothing cited");
        assertThat(WORDING.say(RECORDED.get(0), Locale.forLanguageTag("vi"))).isEqualTo(RECORDED.get(0));
    }
}
