package io.serviceproof.gateway;

import io.serviceproof.ledger.EntryDraft;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaMonitoredItem;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * What one OPC UA server's publishes become: value changes through OpcUaMapping, OPC UA events
 * through OpcUaAlarms, each publish handed to the intake (signed and spooled) as a whole. Milo calls
 * the subscription's listener for one publish at a time, so blocking in the intake holds the next.
 */
final class OpcUaNotifications {

    private final String endpoint;
    private final OpcUaMapping mapping;
    private final OpcUaAlarms alarms;
    private final Intake intake;
    private final Clock clock;
    private final Consumer<String> errors;
    /** Events handed to the intake and taken. */
    final AtomicLong received = new AtomicLong();

    OpcUaNotifications(
            GatewayConfig.OpcUaSource source,
            String serviceLayerId,
            Intake intake,
            Clock clock,
            Consumer<String> errors) {
        this.endpoint = source.endpoint();
        this.mapping = new OpcUaMapping(source.endpoint(), serviceLayerId, source.events());
        this.alarms = new OpcUaAlarms(source.endpoint(), serviceLayerId);
        this.intake = intake;
        this.clock = clock;
        this.errors = errors;
    }

    /** Every node whose values are wanted. */
    Set<String> nodes() {
        return mapping.nodes();
    }

    /** The value changes of one publish. */
    void values(OpcUaMonitoredItems monitored, List<UaMonitoredItem> items, List<DataValue> values) {
        List<OpcUaMapping.Change> changes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            DataValue value = values.get(i);
            changes.add(new OpcUaMapping.Change(
                    monitored.node(items.get(i).getClientHandle()),
                    OpcUaValues.json(value),
                    OpcUaValues.sourceTime(value)));
        }
        List<EntryDraft> drafts;
        try {
            drafts = mapping.drafts(changes, clock.instant());
        } catch (IllegalArgumentException e) {
            errors.accept(clock.instant() + " " + endpoint + ": a change could not become an event: " + e.getMessage());
            return;
        }
        take(drafts);
    }

    /**
     * The OPC UA events of one publish: each at or above its alarm's minimum severity becomes events
     * of the log (OpcUaAlarms).
     *
     * @return whether the server asked for its conditions to be refreshed (RefreshRequiredEventType)
     */
    boolean events(OpcUaMonitoredItems monitored, List<UaMonitoredItem> items, List<Variant[]> fields) {
        boolean refresh = false;
        List<EntryDraft> drafts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            GatewayConfig.OpcUaAlarm alarm = monitored.alarm(items.get(i).getClientHandle());
            if (alarm != null && OpcUaAlarms.asksForRefresh(fields.get(i))) {
                refresh = true;
            } else if (alarm != null) {
                drafts.addAll(alarms.drafts(alarm, fields.get(i), clock.instant()));
            }
        }
        take(drafts);
        return refresh;
    }

    private void take(List<EntryDraft> drafts) {
        if (!drafts.isEmpty() && intake.take(drafts)) {
            received.addAndGet(drafts.size());
        }
    }
}
