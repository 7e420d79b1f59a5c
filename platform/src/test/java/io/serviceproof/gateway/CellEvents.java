package io.serviceproof.gateway;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * The OPC UA events the inspection cell raises from its Server object, as a machine does: plain
 * alarms, and alarm conditions (Part 9) whose retained states it sends again when a client asks for
 * a condition refresh.
 */
final class CellEvents {

    private final Supplier<OpcUaServer> server;

    /** @param server the cell's server as it runs now (a power cycle makes a new one) */
    CellEvents(Supplier<OpcUaServer> server) {
        this.server = server;
    }

    /**
     * The cell raises an OPC UA event from its Server object, as a machine raises an alarm: with its
     * own EventId, source, message, severity and time.
     */
    void raise(byte[] eventId, String message, int severity, Instant at) throws Exception {
        org.eclipse.milo.opcua.sdk.server.model.nodes.objects.BaseEventTypeNode event = server.get()
                .getEventFactory()
                .createEvent(
                        new NodeId(1, java.util.UUID.randomUUID()),
                        org.eclipse.milo.opcua.stack.core.Identifiers.BaseEventType);
        event.setBrowseName(new org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName(1, "CellAlarm"));
        event.setDisplayName(LocalizedText.english("CellAlarm"));
        event.setEventId(org.eclipse.milo.opcua.stack.core.types.builtin.ByteString.of(eventId));
        event.setEventType(org.eclipse.milo.opcua.stack.core.Identifiers.BaseEventType);
        event.setSourceNode(org.eclipse.milo.opcua.stack.core.Identifiers.Server);
        event.setSourceName("Cell1");
        event.setTime(new DateTime(at));
        event.setReceiveTime(DateTime.NULL_VALUE);
        event.setMessage(LocalizedText.english(message));
        event.setSeverity(org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort(severity));
        server.get().getEventBus().post(event);
        event.delete();
    }

    /** One report of an alarm condition's state, as the cell raised it. */
    private record ConditionState(byte[] eventId, boolean active, boolean acknowledged, int severity, Instant at) {

        /** Whether the server still retains it (Part 9: active, or waiting for an acknowledgement). */
        boolean retained() {
            return active || !acknowledged;
        }
    }

    /** The last state of each condition the cell retains, which a condition refresh sends again. */
    private final Map<String, ConditionState> retained = new ConcurrentHashMap<>();

    /** How many condition refreshes clients asked for. */
    final java.util.concurrent.atomic.AtomicInteger refreshes = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The cell reports a state of one of its alarm conditions (an AlarmConditionType event, OPC UA
     * Part 9), as a machine does each time the alarm goes active or inactive or someone acknowledges it.
     */
    void condition(String name, byte[] eventId, boolean active, boolean acknowledged, int severity, Instant at)
            throws Exception {
        ConditionState state = new ConditionState(eventId, active, acknowledged, severity, at);
        if (state.retained()) {
            retained.put(name, state);
        } else {
            retained.remove(name);
        }
        post(name, state);
    }

    private void post(String name, ConditionState state) throws UaException {
        org.eclipse.milo.opcua.sdk.server.model.nodes.objects.AlarmConditionTypeNode alarm =
                (org.eclipse.milo.opcua.sdk.server.model.nodes.objects.AlarmConditionTypeNode) server.get()
                        .getEventFactory()
                        .createEvent(
                                new NodeId(1, "Cell1/" + name),
                                org.eclipse.milo.opcua.stack.core.Identifiers.AlarmConditionType);
        alarm.setBrowseName(new org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName(1, name));
        alarm.setDisplayName(LocalizedText.english(name));
        alarm.setEventId(org.eclipse.milo.opcua.stack.core.types.builtin.ByteString.of(state.eventId()));
        alarm.setEventType(org.eclipse.milo.opcua.stack.core.Identifiers.AlarmConditionType);
        alarm.setSourceNode(org.eclipse.milo.opcua.stack.core.Identifiers.Server);
        alarm.setSourceName("Cell1");
        alarm.setTime(new DateTime(state.at()));
        alarm.setReceiveTime(DateTime.NULL_VALUE);
        alarm.setMessage(LocalizedText.english(name + (state.active() ? " active" : " inactive")));
        alarm.setSeverity(org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort(state.severity()));
        alarm.setConditionName(name);
        alarm.setBranchId(NodeId.NULL_VALUE);
        alarm.setRetain(state.retained());
        alarm.getActiveStateNode().setId(state.active());
        alarm.setActiveState(LocalizedText.english(state.active() ? "Active" : "Inactive"));
        alarm.getAckedStateNode().setId(state.acknowledged());
        alarm.setAckedState(LocalizedText.english(state.acknowledged() ? "Acknowledged" : "Unacknowledged"));
        server.get().getEventBus().post(alarm);
        alarm.delete();
    }

    /**
     * ConditionRefresh as Part 9 has a server answer it: a RefreshStart event, the last state of every
     * retained condition (with its own EventId), a RefreshEnd event. Milo's own answer sends only the
     * two brackets, since Milo keeps no conditions.
     */
    /**
     * Waits until the server can make an alarm condition. Once in CI, a condition made soon after the
     * cell started failed inside Milo (NodeFactory found no type node for a child), so the cell, like
     * a machine that has just booted, takes no questions until it can make one.
     */
    void awaitConditionTypes() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                server.get()
                        .getEventFactory()
                        .createEvent(
                                new NodeId(1, "Cell1/Warm-up"),
                                org.eclipse.milo.opcua.stack.core.Identifiers.AlarmConditionType)
                        .delete();
                return;
            } catch (RuntimeException | UaException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the cell cannot make alarm conditions", e);
                }
                Thread.sleep(50);
            }
        }
    }

    void answerConditionRefresh() {
        var method = (org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode) server.get()
                .getAddressSpaceManager()
                .getManagedNode(org.eclipse.milo.opcua.stack.core.Identifiers.ConditionType_ConditionRefresh)
                .orElseThrow();
        method.setInvocationHandler(new org.eclipse.milo.opcua.sdk.server.model.methods.ConditionRefreshMethod(method) {
            /**
             * Milo 0.6 checks the argument's type exactly against IntegerId and refuses the UInt32 it is
             * defined as (Part 4, 7.19), which every client sends; this machine accepts it as servers do.
             */
            @Override
            public org.eclipse.milo.opcua.stack.core.types.structured.Argument[] getInputArguments() {
                return new org.eclipse.milo.opcua.stack.core.types.structured.Argument[] {
                    new org.eclipse.milo.opcua.stack.core.types.structured.Argument(
                            "SubscriptionId",
                            org.eclipse.milo.opcua.stack.core.Identifiers.UInt32,
                            -1,
                            null,
                            LocalizedText.NULL_VALUE)
                };
            }

            @Override
            protected void invoke(
                    org.eclipse.milo.opcua.sdk.server.api.methods.AbstractMethodInvocationHandler.InvocationContext
                            context,
                    org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger subscriptionId)
                    throws UaException {
                refreshes.incrementAndGet();
                bracket(org.eclipse.milo.opcua.stack.core.Identifiers.RefreshStartEventType);
                for (Map.Entry<String, ConditionState> condition : retained.entrySet()) {
                    post(condition.getKey(), condition.getValue());
                }
                bracket(org.eclipse.milo.opcua.stack.core.Identifiers.RefreshEndEventType);
            }
        });
    }

    private void bracket(NodeId type) throws UaException {
        org.eclipse.milo.opcua.sdk.server.model.nodes.objects.BaseEventTypeNode event =
                server.get().getEventFactory().createEvent(new NodeId(1, java.util.UUID.randomUUID()), type);
        event.setBrowseName(new org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName(1, "Refresh"));
        event.setDisplayName(LocalizedText.english("Refresh"));
        event.setEventId(org.eclipse.milo.opcua.stack.core.types.builtin.ByteString.of(
                java.util.UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        event.setEventType(type);
        event.setSourceNode(org.eclipse.milo.opcua.stack.core.Identifiers.Server);
        event.setSourceName("Server");
        event.setTime(DateTime.now());
        event.setReceiveTime(DateTime.NULL_VALUE);
        event.setMessage(LocalizedText.english("Refresh"));
        event.setSeverity(org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort(900));
        server.get().getEventBus().post(event);
        event.delete();
    }
}
