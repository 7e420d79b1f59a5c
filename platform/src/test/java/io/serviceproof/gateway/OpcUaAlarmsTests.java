package io.serviceproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.ledger.EntryDraft;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.junit.jupiter.api.Test;

/** How an OPC UA event becomes an event of the log: which ones, with what, under which id. */
class OpcUaAlarmsTests {

    private static final Instant RAISED = Instant.parse("2026-12-05T08:00:00.250Z");
    private static final Instant ARRIVED = Instant.parse("2026-12-05T08:00:01Z");

    private final OpcUaAlarms alarms = new OpcUaAlarms("opc.tcp://cell-1:4840/cell", "rqi");
    private final GatewayConfig.OpcUaAlarm severeOnly = new GatewayConfig.OpcUaAlarm(null, "alarm.raised", 500);

    @Test
    void anEventCarriesItsSourceMessageSeverityAndTypeAndIsDatedByItsOwnTime() {
        EntryDraft draft = alarms.draft(severeOnly, fields(new byte[] {7}, "Lens obstructed", 800, RAISED), ARRIVED);
        assertThat(draft.type()).isEqualTo("alarm.raised");
        assertThat(draft.occurredAt()).isEqualTo(RAISED);
        assertThat(draft.serviceLayerId()).isEqualTo("rqi");
        assertThat(draft.payload())
                .containsEntry("sourceName", "Cell1")
                .containsEntry("message", "Lens obstructed")
                .containsEntry("severity", 800.0)
                .containsEntry("opcuaEventType", "ns=0;i=2041");
        assertThat(severeOnly.notifier()).as("the Server object by default").isEqualTo("i=2253");
    }

    @Test
    void theIdComesFromTheServersEventIdSoARepublishedEventIsOne() {
        String first = alarms.draft(severeOnly, fields(new byte[] {7}, "Lens obstructed", 800, RAISED), ARRIVED)
                .eventId();
        String again = alarms.draft(
                        severeOnly, fields(new byte[] {7}, "Lens obstructed", 800, RAISED), ARRIVED.plusSeconds(9))
                .eventId();
        String other = alarms.draft(severeOnly, fields(new byte[] {8}, "Lens obstructed", 800, RAISED), ARRIVED)
                .eventId();
        assertThat(first).isEqualTo(again).isNotEqualTo(other).matches("opcua:[0-9a-f]{32}");
        // Another endpoint's event with the same EventId is another event.
        assertThat(new OpcUaAlarms("opc.tcp://cell-2:4840/cell", "rqi")
                        .draft(severeOnly, fields(new byte[] {7}, "Lens obstructed", 800, RAISED), ARRIVED)
                        .eventId())
                .isNotEqualTo(first);
    }

    @Test
    void belowTheMinimumSeverityOrWithoutOneItIsNoEventAndWithoutATimeItIsDatedByArrival() {
        assertThat(alarms.draft(severeOnly, fields(new byte[] {1}, "Light drifting", 499, RAISED), ARRIVED))
                .isNull();
        Variant[] noSeverity = fields(new byte[] {2}, "?", 800, RAISED);
        noSeverity[5] = Variant.NULL_VALUE;
        assertThat(alarms.draft(severeOnly, noSeverity, ARRIVED)).isNull();
        EntryDraft undated = alarms.draft(
                new GatewayConfig.OpcUaAlarm("ns=2;s=Cell1", "alarm.raised", null),
                fields(new byte[] {3}, "No clock", 10, null),
                ARRIVED);
        assertThat(undated.occurredAt()).isEqualTo(ARRIVED);
    }

    private static Variant[] fields(byte[] eventId, String message, int severity, Instant time) {
        return new Variant[] {
            new Variant(ByteString.of(eventId)),
            new Variant(Identifiers.BaseEventType),
            new Variant("Cell1"),
            new Variant(time == null ? DateTime.NULL_VALUE : new DateTime(time)),
            new Variant(LocalizedText.english(message)),
            new Variant(Unsigned.ushort(severity))
        };
    }
}
