package io.serviceproof.gateway;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoringParameters;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;

/**
 * What one subscription monitors: a value item per node and an event item per alarm notifier, each
 * under a client handle, so that a notification can be traced back to the node or alarm it is about.
 */
final class OpcUaMonitoredItems {

    /** Values a server queues per item between publishes. */
    private static final int QUEUE_SIZE = 1_000;

    private final Map<UInteger, String> nodes = new HashMap<>();
    private final Map<UInteger, GatewayConfig.OpcUaAlarm> alarms = new HashMap<>();
    private final List<MonitoredItemCreateRequest> requests = new ArrayList<>();

    OpcUaMonitoredItems(
            OpcUaClient client,
            UaSubscription subscription,
            Map<String, NodeId> values,
            Map<GatewayConfig.OpcUaAlarm, NodeId> notifiers,
            double samplingIntervalMs) {
        // A change is any new sample, even of the same value: the default trigger (status or value)
        // would fold a second "pass" into the first, and every inspected part is an event.
        ExtensionObject everySample = ExtensionObject.encode(
                client.getStaticSerializationContext(),
                new DataChangeFilter(DataChangeTrigger.StatusValueTimestamp, uint(DeadbandType.None.getValue()), 0.0));
        values.forEach((text, id) -> {
            UInteger handle = subscription.nextClientHandle();
            nodes.put(handle, text);
            requests.add(request(id, AttributeId.Value, handle, samplingIntervalMs, everySample));
        });
        ExtensionObject eventFilter =
                ExtensionObject.encode(client.getStaticSerializationContext(), OpcUaAlarms.filter());
        notifiers.forEach((alarm, id) -> {
            UInteger handle = subscription.nextClientHandle();
            alarms.put(handle, alarm);
            requests.add(request(id, AttributeId.EventNotifier, handle, 0.0, eventFilter));
        });
    }

    List<MonitoredItemCreateRequest> requests() {
        return requests;
    }

    /** The node (as gateway.yaml writes it) a value item monitors. */
    String node(UInteger handle) {
        return nodes.get(handle);
    }

    /** The alarm an event item serves, or null. */
    GatewayConfig.OpcUaAlarm alarm(UInteger handle) {
        return alarms.get(handle);
    }

    /** What an item monitors, in words, for an error. */
    String describe(UInteger handle) {
        return nodes.containsKey(handle)
                ? "node " + nodes.get(handle)
                : "the events of " + alarms.get(handle).notifier();
    }

    private static MonitoredItemCreateRequest request(
            NodeId id, AttributeId attribute, UInteger handle, double interval, ExtensionObject filter) {
        return new MonitoredItemCreateRequest(
                new ReadValueId(id, attribute.uid(), null, QualifiedName.NULL_VALUE),
                MonitoringMode.Reporting,
                new MonitoringParameters(handle, interval, filter, uint(QUEUE_SIZE), true));
    }
}
