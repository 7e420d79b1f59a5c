package io.serviceproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.ledger.EntryDraft;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.junit.jupiter.api.Test;

/** How an OPC UA event becomes an event of the log: which ones, with what, under which id. */
class OpcUaAlarmsTests {

    private static final Instant RAISED = Instant.parse("2026-12-05T08:00:00.250Z");
    private static final Instant ARRIVED = Instant.parse("2026-12-05T08:00:01Z");

    private final OpcUaAlarms alarms = new OpcUaAlarms("opc.tcp://cell-1:4840/cell", "rqi");
    private final GatewayConfig.OpcUaAlarm severeOnly = new GatewayConfig.OpcUaAlarm(null, "alarm.raised", 500, null);

    @Test
    void anEventCarriesItsSourceMessageSeverityAndTypeAndIsDatedByItsOwnTime() {
        EntryDraft draft = one(severeOnly, fields(new byte[] {7}, "Lens obstructed", 800, RAISED), ARRIVED);
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
        String first = one(severeOnly, fields(new byte[] {7}, "Lens obstructed", 800, RAISED), ARRIVED)
                .eventId();
        String again = one(severeOnly, fields(new byte[] {7}, "Lens obstructed", 800, RAISED), ARRIVED.plusSeconds(9))
                .eventId();
        String other = one(severeOnly, fields(new byte[] {8}, "Lens obstructed", 800, RAISED), ARRIVED)
                .eventId();
        assertThat(first).isEqualTo(again).isNotEqualTo(other).matches("opcua:[0-9a-f]{32}");
        // Another endpoint's event with the same EventId is another event.
        OpcUaAlarms otherCell = new OpcUaAlarms("opc.tcp://cell-2:4840/cell", "rqi");
        assertThat(one(otherCell, severeOnly, fields(new byte[] {7}, "Lens obstructed", 800, RAISED), ARRIVED)
                        .eventId())
                .isNotEqualTo(first);
    }

    @Test
    void belowTheMinimumSeverityOrWithoutOneItIsNoEventAndWithoutATimeItIsDatedByArrival() {
        assertThat(one(severeOnly, fields(new byte[] {1}, "Light drifting", 499, RAISED), ARRIVED))
                .isNull();
        Variant[] noSeverity = fields(new byte[] {2}, "?", 800, RAISED);
        noSeverity[5] = Variant.NULL_VALUE;
        assertThat(one(severeOnly, noSeverity, ARRIVED)).isNull();
        EntryDraft undated = one(
                new GatewayConfig.OpcUaAlarm("ns=2;s=Cell1", "alarm.raised", null, null),
                fields(new byte[] {3}, "No clock", 10, null),
                ARRIVED);
        assertThat(undated.occurredAt()).isEqualTo(ARRIVED);
    }

    private final GatewayConfig.OpcUaAlarm lifecycle = new GatewayConfig.OpcUaAlarm(
            null,
            null,
            500,
            Map.of(
                    "raised", "alarm.raised",
                    "acknowledged", "alarm.acknowledged",
                    "cleared", "alarm.cleared"));

    @Test
    void withStatesAConditionsEventsBecomeItsTransitionsCarryingTheConditionId() {
        EntryDraft raised = one(lifecycle, condition(1, "ns=2;s=Lens", true, false, 800, RAISED), ARRIVED);
        EntryDraft acked =
                one(lifecycle, condition(2, "ns=2;s=Lens", true, true, 800, RAISED.plusSeconds(40)), ARRIVED);
        EntryDraft cleared =
                one(lifecycle, condition(3, "ns=2;s=Lens", false, true, 800, RAISED.plusSeconds(90)), ARRIVED);
        assertThat(List.of(raised, acked, cleared))
                .extracting(EntryDraft::type)
                .containsExactly("alarm.raised", "alarm.acknowledged", "alarm.cleared");
        assertThat(List.of(raised, acked, cleared))
                .extracting(EntryDraft::occurredAt)
                .containsExactly(RAISED, RAISED.plusSeconds(40), RAISED.plusSeconds(90));
        assertThat(List.of(raised, acked, cleared))
                .allSatisfy(draft -> assertThat(draft.payload())
                        .containsEntry("conditionId", "ns=2;s=Lens")
                        .containsEntry("conditionName", "LensObstructed")
                        .containsEntry("opcuaEventType", "ns=0;i=2915"))
                .extracting(EntryDraft::eventId)
                .doesNotHaveDuplicates();
        assertThat(alarms.drafts(lifecycle, condition(3, "ns=2;s=Lens", false, true, 800, RAISED), ARRIVED))
                .as("the clear sent again")
                .isEmpty();
    }

    @Test
    void aTransitionAfterAGatewayRestartHasTheIdItHadBeforeSoTheLogKeepsItOnce() {
        EntryDraft cleared =
                one(lifecycle, condition(3, "ns=2;s=Lens", false, true, 800, RAISED.plusSeconds(90)), ARRIVED);
        OpcUaAlarms restarted = new OpcUaAlarms("opc.tcp://cell-1:4840/cell", "rqi");
        assertThat(one(
                                restarted,
                                lifecycle,
                                condition(3, "ns=2;s=Lens", false, true, 800, RAISED.plusSeconds(90)),
                                ARRIVED)
                        .eventId())
                .isEqualTo(cleared.eventId());
    }

    @Test
    void aConditionRaisedAboveTheMinimumHasItsLowSeverityClearLoggedAndOneRaisedBelowHasNothing() {
        assertThat(one(lifecycle, condition(1, "ns=2;s=Lens", true, false, 800, RAISED), ARRIVED))
                .isNotNull();
        assertThat(one(lifecycle, condition(2, "ns=2;s=Lens", false, false, 100, RAISED), ARRIVED)
                        .type())
                .isEqualTo("alarm.cleared");
        assertThat(one(lifecycle, condition(3, "ns=2;s=Drift", true, false, 100, RAISED), ARRIVED))
                .isNull();
        assertThat(one(lifecycle, condition(4, "ns=2;s=Drift", false, false, 100, RAISED), ARRIVED))
                .isNull();
    }

    @Test
    void branchesPlainEventsWithoutAnEventTypeAndTransitionsNotNamedAreNotLogged() {
        Variant[] branch = condition(1, "ns=2;s=Lens", true, false, 800, RAISED);
        branch[8] = new Variant(new NodeId(2, "Lens/Branch1"));
        assertThat(alarms.drafts(lifecycle, branch, ARRIVED)).isEmpty();
        assertThat(alarms.drafts(lifecycle, fields(new byte[] {9}, "Shift started", 800, RAISED), ARRIVED))
                .isEmpty();
        var raisesOnly = new GatewayConfig.OpcUaAlarm(null, null, null, Map.of("raised", "alarm.raised"));
        assertThat(alarms.drafts(raisesOnly, condition(1, "ns=2;s=Chute", true, false, 800, RAISED), ARRIVED))
                .hasSize(1);
        assertThat(alarms.drafts(raisesOnly, condition(2, "ns=2;s=Chute", false, false, 800, RAISED), ARRIVED))
                .isEmpty();
    }

    @Test
    void withoutStatesAConditionsEventsAreLoggedAsTheyComeAndWithoutAConditionIdTheSourceAndNameStandIn() {
        assertThat(alarms.drafts(severeOnly, condition(1, "ns=2;s=Lens", true, false, 800, RAISED), ARRIVED))
                .extracting(EntryDraft::type)
                .containsExactly("alarm.raised");
        assertThat(alarms.drafts(severeOnly, condition(2, "ns=2;s=Lens", false, true, 800, RAISED), ARRIVED))
                .extracting(EntryDraft::type)
                .containsExactly("alarm.raised");
        Variant[] anonymous = condition(3, "ns=2;s=Lens", true, false, 800, RAISED);
        anonymous[6] = Variant.NULL_VALUE;
        assertThat(one(lifecycle, anonymous, ARRIVED).payload())
                .containsEntry("conditionId", "Cell1/LensObstructed/ns=0;i=2915");
    }

    @Test
    void theEventsOfAConditionRefreshAreAboutTheSubscriptionAndNeverLogged() {
        for (NodeId type : List.of(
                Identifiers.RefreshStartEventType,
                Identifiers.RefreshEndEventType,
                Identifiers.RefreshRequiredEventType)) {
            Variant[] refresh = fields(new byte[] {5}, "Refresh", 900, RAISED);
            refresh[1] = new Variant(type);
            assertThat(alarms.drafts(severeOnly, refresh, ARRIVED))
                    .as("%s", type)
                    .isEmpty();
            assertThat(OpcUaAlarms.asksForRefresh(refresh))
                    .isEqualTo(type.equals(Identifiers.RefreshRequiredEventType));
        }
        assertThat(OpcUaAlarms.asksForRefresh(fields(new byte[] {6}, "Lens obstructed", 900, RAISED)))
                .isFalse();
    }

    @Test
    void anAlarmNeedsAnEventTypeOrStatesAndStatesAreTheFourTransitions() {
        assertThatThrownBy(() -> new GatewayConfig.OpcUaAlarm(null, null, null, null))
                .hasMessageContaining("eventType")
                .hasMessageContaining("states");
        assertThatThrownBy(() -> new GatewayConfig.OpcUaAlarm(null, null, null, Map.of("shelved", "alarm.shelved")))
                .hasMessageContaining("'shelved' is not a transition");
        assertThatThrownBy(() -> new GatewayConfig.OpcUaAlarm(null, null, null, Map.of("cleared", " ")))
                .hasMessageContaining("cleared needs an event type");
    }

    /** The one event an OPC UA event makes, or null for none. */
    private EntryDraft one(GatewayConfig.OpcUaAlarm alarm, Variant[] fields, Instant arrived) {
        return one(alarms, alarm, fields, arrived);
    }

    private static EntryDraft one(
            OpcUaAlarms alarms, GatewayConfig.OpcUaAlarm alarm, Variant[] fields, Instant arrived) {
        List<EntryDraft> drafts = alarms.drafts(alarm, fields, arrived);
        assertThat(drafts).hasSizeLessThanOrEqualTo(1);
        return drafts.isEmpty() ? null : drafts.get(0);
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
    /** An event of an AlarmConditionType condition with its states (Part 9 fields 6 to 11). */
    private static Variant[] condition(
            int eventId, String conditionId, boolean active, boolean acked, int severity, Instant time) {
        Variant[] base = fields(new byte[] {(byte) eventId, 42}, "Lens obstructed", severity, time);
        base[1] = new Variant(Identifiers.AlarmConditionType);
        Variant[] all = java.util.Arrays.copyOf(base, OpcUaAlarms.FIELDS.size());
        all[6] = new Variant(NodeId.parse(conditionId));
        all[7] = new Variant("LensObstructed");
        all[8] = new Variant(NodeId.NULL_VALUE);
        all[9] = new Variant(active);
        all[10] = new Variant(acked);
        all[11] = Variant.NULL_VALUE;
        return all;
    }
}
