package io.serviceproof.tender;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.catalog.MappingStatus;
import io.serviceproof.catalog.Relationship;
import io.serviceproof.catalog.crosswalk.Crosswalk;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the matcher suggests for a clause and why, on a small hand-made organisation: SLOs compared
 * with the figure asked, evidence standing, a Vietnamese clause reaching English evidence through the
 * glossary, an earlier answer repeated first, a requirement reached through a confirmed crosswalk
 * mapping, and nothing suggested for a clause nothing answers.
 */
class ClauseMatcherTests {

    private static final Analysis ANALYSIS = new Analysis();

    private static Answerable requirement(String id, String framework, String ref, String title, String chinese) {
        return new Answerable(
                Answerable.Kind.REQUIREMENT,
                id,
                framework + " " + ref + " " + title,
                title,
                framework + " " + ref,
                title,
                chinese,
                "",
                framework,
                false,
                List.of("no approved evidence linked"),
                null,
                null);
    }

    private static Answerable slo(
            String id, String metric, String operator, String threshold, String unit, List<String> flags) {
        return new Answerable(
                Answerable.Kind.SLO,
                id,
                "Remote maintenance v2 SLO " + id,
                metric,
                "layer Remote maintenance v2, SLO " + id,
                "Remote maintenance service level objective SLA " + metric,
                "",
                "",
                "",
                false,
                flags,
                new Answerable.Objective(metric, operator, new BigDecimal(threshold), unit),
                null);
    }

    private static Answerable evidence(String id, String title, List<String> flags) {
        return new Answerable(
                Answerable.Kind.EVIDENCE,
                id,
                title,
                title,
                "evidence \"" + title + "\" v1",
                title,
                title,
                title,
                "",
                false,
                flags,
                null,
                null);
    }

    private static final Answerable AUDIT_LOGS =
            requirement("r-log", "ISO/IEC 27001:2022", "A.8.15", "Logging", "日志记录");
    private static final Answerable AUDITABLE =
            requirement("r-sr28", "IEC 62443-3-3:2013", "SR 2.8", "Auditable events", "可审计事件");
    private static final Answerable BACKUP = requirement("r-backup", "ISO/IEC 27001:2022", "A.8.13", "Backup", "备份");
    private static final Answerable SC_BACKUP =
            requirement("r-scb", "GB/T 42136:2022", "SC.BACKUP", "Backup and restore", "备份与恢复");
    private static final Answerable AVAILABILITY_999 =
            slo("availability", "availability", ">=", "99.9", "%", List.of());
    private static final Answerable AVAILABILITY_99 =
            slo("availability-basic", "availability", ">=", "99.0", "%", List.of("SLO breached in the last 90 days"));
    private static final Answerable RESTORE = slo("restore", "restore time", "<=", "4", "h", List.of());
    private static final Answerable ENCRYPTION_POLICY =
            evidence("e-crypto", "Encryption policy for data at rest", List.of());
    private static final Answerable OLD_PEN_TEST =
            evidence("e-pentest", "Penetration test report 2024", List.of("evidence expired on 2025-06-30"));
    private static final Answerable PAST = new Answerable(
            Answerable.Kind.PAST_ANSWER,
            ClauseText.digest("The supplier shall keep audit logs of remote sessions."),
            "earlier answer",
            "earlier",
            "ISO/IEC 27001:2022 A.8.15; evidence \"Audit log export\" v3",
            "The supplier shall keep audit logs of remote sessions.",
            "",
            "",
            "",
            false,
            List.of(),
            null,
            Answer.PARTIAL);

    private static ClauseMatcher matcher() {
        List<Answerable> all = List.of(
                AUDIT_LOGS,
                AUDITABLE,
                BACKUP,
                SC_BACKUP,
                AVAILABILITY_999,
                AVAILABILITY_99,
                RESTORE,
                ENCRYPTION_POLICY,
                OLD_PEN_TEST,
                PAST);
        // A confirmed mapping: GB/T 42136 SC.BACKUP is equivalent to ISO/IEC 27001 A.8.13.
        Crosswalk crosswalk = new Crosswalk(
                List.of(
                        new Crosswalk.Node("r-backup", "f27001", "iso-iec-27001", "2022", "A.8.13"),
                        new Crosswalk.Node("r-scb", "f42136", "gb-t-42136", "2022", "SC.BACKUP")),
                List.of(new Crosswalk.Edge(
                        "m1", "r-scb", "r-backup", Relationship.EQUIVALENT_TO, 8, MappingStatus.CONFIRMED)),
                List.of());
        return new ClauseMatcher(ANALYSIS, new Knowledge.Snapshot(all, crosswalk));
    }

    private static List<Suggestion> match(String text) {
        return matcher().match(ClauseLanguage.of(text), text);
    }

    @Test
    void anSloPromisingWhatTheClauseAsksRanksFirstAndOnePromisingLessSaysSo() {
        List<Suggestion> suggestions = match("Availability of the platform shall be at least 99.5% per month.");

        assertThat(suggestions.get(0).target()).isEqualTo("availability");
        assertThat(suggestions.get(0).reasons())
                .anySatisfy(r -> assertThat(r).contains("asks 99.5%").contains("meets it"));
        Suggestion basic = suggestions.stream()
                .filter(s -> s.target().equals("availability-basic"))
                .findFirst()
                .orElseThrow();
        assertThat(basic.reasons()).anySatisfy(r -> assertThat(r).contains("falls short"));
        assertThat(basic.flags())
                .contains("SLO breached in the last 90 days")
                .anySatisfy(f -> assertThat(f).contains("promises less than the clause asks"));
    }

    @Test
    void aTimeLimitIsComparedInSecondsWhateverTheUnits() {
        List<Suggestion> suggestions = match("Service shall be restored within 8 hours after a failure.");

        Suggestion restore = suggestions.stream()
                .filter(s -> s.target().equals("restore"))
                .findFirst()
                .orElseThrow();
        assertThat(restore.reasons())
                .anySatisfy(r -> assertThat(r).contains("asks 8 hours").contains("meets it"));
        assertThat(match("Service shall be restored within 2 hours.").stream()
                        .filter(s -> s.target().equals("restore"))
                        .findFirst()
                        .orElseThrow()
                        .flags())
                .anySatisfy(f -> assertThat(f).contains("promises less"));
    }

    @Test
    void aVietnameseClauseReachesEnglishEvidenceThroughTheGlossaryAndSaysSo() {
        List<Suggestion> suggestions = match("Dữ liệu phải được mã hóa khi lưu trữ.");

        assertThat(suggestions).isNotEmpty();
        assertThat(suggestions.get(0).target()).isEqualTo("e-crypto");
        assertThat(suggestions.get(0).reasons())
                .anySatisfy(r -> assertThat(r).contains("\"mã hóa\" read as \"encryption\""));
    }

    @Test
    void expiredEvidenceIsSuggestedWithItsFlag() {
        Suggestion pentest = match("An independent penetration test shall be performed every year.").stream()
                .filter(s -> s.target().equals("e-pentest"))
                .findFirst()
                .orElseThrow();
        assertThat(pentest.flags()).containsExactly("evidence expired on 2025-06-30");
    }

    @Test
    void anAnswerConfirmedForTheSameClauseComesFirstEvenWrittenDifferently() {
        List<Suggestion> suggestions = match("7.3  The Supplier shall keep audit logs of remote sessions");

        assertThat(suggestions.get(0).kind()).isEqualTo("past-answer");
        assertThat(suggestions.get(0).pastAnswer()).isEqualTo("partial");
        assertThat(suggestions.get(0).reasons().get(0)).contains("answered \"Partially comply\" in an earlier tender");
        assertThat(suggestions).extracting(Suggestion::target).contains("r-log");
    }

    @Test
    void aRequirementCoveredThroughAConfirmedMappingIsSuggestedWithThePath() {
        Suggestion widened = match("Control system data shall have a backup.").stream()
                .filter(s -> s.target().equals("r-scb"))
                .findFirst()
                .orElseThrow();
        assertThat(widened.reasons())
                .anySatisfy(r -> assertThat(r).startsWith("crosswalk: covers").contains("A.8.13"));
    }

    @Test
    void aChineseClauseNamingATitleFindsItsRequirement() {
        List<Suggestion> suggestions = match("系统应具备可审计事件记录功能。");

        assertThat(suggestions.get(0).target()).isEqualTo("r-sr28");
        assertThat(suggestions.get(0).reasons()).anySatisfy(r -> assertThat(r).contains("names its title \"可审计事件\""));
    }

    @Test
    void aClauseNothingAnswersGetsNoSuggestionAndIsAGap() {
        assertThat(match("The machine shall be painted RAL 7035 light grey.")).isEmpty();
    }

    @Test
    void strongSuggestionsAreTheOnesCloseToTheBest() {
        List<Suggestion> suggestions = match("Availability of the platform shall be at least 99.5% per month.");
        double best = suggestions.get(0).score();
        assertThat(suggestions)
                .allSatisfy(s -> assertThat(s.strong()).isEqualTo(s.score() >= best * ClauseMatcher.STRONG - 0.01));
        assertThat(suggestions.get(0).strong()).isTrue();
    }
}
