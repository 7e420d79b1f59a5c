package io.serviceproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.ledger.EntryDraft;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an OPC UA server's value changes become events: which changes, with what, under which id. */
class OpcUaMappingTests {

    private static final Instant MEASURED = Instant.parse("2026-12-05T08:00:00.125Z");
    private static final Instant ARRIVED = Instant.parse("2026-12-05T08:00:01Z");

    private final OpcUaMapping mapping = new OpcUaMapping(
            "opc.tcp://cell-1:4840/cell",
            "rqi",
            List.of(
                    new GatewayConfig.OpcUaEvent(
                            "ns=2;s=Cell1/Verdict",
                            "inspection.verdict",
                            "verdict",
                            null,
                            Map.of("partId", "ns=2;s=Cell1/PartId", "latencyMs", "ns=2;s=Cell1/LatencyMs")),
                    new GatewayConfig.OpcUaEvent(
                            "ns=2;s=Cell1/Alarm",
                            "alert.raised",
                            "active",
                            "true",
                            Map.of("alertId", "ns=2;s=Cell1/AlarmId"))));

    @Test
    void aVerdictCarriesThePartAndLatencyWrittenInTheSamePublishWhateverTheirOrder() {
        List<EntryDraft> drafts = mapping.drafts(
                List.of(
                        change("Verdict", "fail", MEASURED),
                        change("PartId", "P-7731", MEASURED),
                        change("LatencyMs", 41.5, MEASURED)),
                ARRIVED);

        assertThat(drafts).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo("inspection.verdict");
            assertThat(d.serviceLayerId()).isEqualTo("rqi");
            assertThat(d.occurredAt()).isEqualTo(MEASURED);
            assertThat(d.payload())
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("verdict", "fail", "partId", "P-7731", "latencyMs", 41.5));
            assertThat(d.eventId()).matches("opcua:[0-9a-f]{32}");
        });
    }

    @Test
    void aValueSentAgainIsTheSameEventAndAnotherMeasurementIsANewOne() {
        String first = mapping.drafts(List.of(change("Verdict", "pass", MEASURED)), ARRIVED)
                .get(0)
                .eventId();
        // The server sends the current value again on every new subscription (after a restart).
        String again = mapping.drafts(List.of(change("Verdict", "pass", MEASURED)), ARRIVED.plusSeconds(60))
                .get(0)
                .eventId();
        String next = mapping.drafts(List.of(change("Verdict", "pass", MEASURED.plusMillis(1))), ARRIVED)
                .get(0)
                .eventId();
        String otherCell = new OpcUaMapping(
                        "opc.tcp://cell-2:4840/cell",
                        "rqi",
                        List.of(new GatewayConfig.OpcUaEvent(
                                "ns=2;s=Cell1/Verdict", "inspection.verdict", "verdict", null, null)))
                .drafts(List.of(change("Verdict", "pass", MEASURED)), ARRIVED)
                .get(0)
                .eventId();

        assertThat(again).isEqualTo(first);
        assertThat(next).isNotEqualTo(first);
        assertThat(otherCell).isNotEqualTo(first);
    }

    @Test
    void anAlarmIsAnEventOnlyWhenItRisesAndCarriesTheLatestAlarmIdFromAnEarlierPublish() {
        mapping.drafts(List.of(change("AlarmId", "A-12", MEASURED)), ARRIVED);

        assertThat(mapping.drafts(List.of(change("Alarm", false, MEASURED)), ARRIVED))
                .isEmpty();
        List<EntryDraft> raised = mapping.drafts(List.of(change("Alarm", true, MEASURED.plusSeconds(1))), ARRIVED);

        assertThat(raised).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo("alert.raised");
            assertThat(d.payload()).containsEntry("alertId", "A-12").containsEntry("active", true);
        });
    }

    @Test
    void aChangeWithoutAUsableValueIsNoEventAndDoesNotEraseTheLastGoodValue() {
        mapping.drafts(List.of(change("PartId", "P-1", MEASURED)), ARRIVED);

        List<EntryDraft> drafts =
                mapping.drafts(List.of(change("PartId", null, MEASURED), change("Verdict", null, MEASURED)), ARRIVED);
        assertThat(drafts).isEmpty();

        EntryDraft verdict = mapping.drafts(List.of(change("Verdict", "pass", MEASURED)), ARRIVED)
                .get(0);
        assertThat(verdict.payload()).containsEntry("partId", "P-1");
    }

    @Test
    void withoutASourceTimeTheEventIsDatedOnArrival() {
        EntryDraft draft = mapping.drafts(List.of(change("Verdict", "pass", null)), ARRIVED)
                .get(0);

        assertThat(draft.occurredAt()).isEqualTo(ARRIVED);
    }

    @Test
    void everyNodeAnEventNeedsIsMonitored() {
        assertThat(mapping.nodes())
                .containsExactlyInAnyOrder(
                        "ns=2;s=Cell1/Verdict",
                        "ns=2;s=Cell1/PartId",
                        "ns=2;s=Cell1/LatencyMs",
                        "ns=2;s=Cell1/Alarm",
                        "ns=2;s=Cell1/AlarmId");
    }

    private static OpcUaMapping.Change change(String name, Object value, Instant at) {
        return new OpcUaMapping.Change("ns=2;s=Cell1/" + name, value, at);
    }
}
