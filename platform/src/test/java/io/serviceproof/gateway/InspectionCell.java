package io.serviceproof.gateway;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.api.DataItem;
import org.eclipse.milo.opcua.sdk.server.api.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.api.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.api.config.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.server.EndpointConfiguration;
import org.eclipse.milo.opcua.stack.server.security.DefaultServerCertificateValidator;

/**
 * A machine for tests: an inspection cell's OPC UA server (Eclipse Milo, in process) with a verdict,
 * the part it is about, the inference latency and an alarm, under {@code Cell1/}. It offers
 * Basic256Sha256 (sign and encrypt, trusting only the client certificates it is given) and None, as
 * many machines do; it starts with no values, so only what a test writes is a change.
 */
final class InspectionCell implements AutoCloseable {

    static final String NAMESPACE = "urn:serviceproof:test:inspection-cell";
    private static final String URI = "urn:serviceproof:test:inspection-cell:server";

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final Path pki;
    private final int port;
    private final List<X509Certificate> trustedClients;
    private OpcUaServer server;
    private CellNamespace namespace;

    InspectionCell(Path pki, X509Certificate... trustedClients) throws Exception {
        this.keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        this.certificate = OpcUaCertificate.selfSigned(
                keyPair, java.time.Instant.now(), "Inspection cell 1", URI, List.of("localhost"), List.of("127.0.0.1"));
        this.pki = pki;
        this.trustedClients = List.of(trustedClients);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        start();
    }

    /** Starts (or starts again, as after a power cycle: same address and certificate, no subscriptions). */
    void start() throws Exception {
        DefaultTrustListManager trust = new DefaultTrustListManager(pki.toFile());
        trustedClients.forEach(trust::addTrustedCertificate);
        EndpointConfiguration.Builder base = EndpointConfiguration.newBuilder()
                .setBindAddress("127.0.0.1")
                .setHostname("127.0.0.1")
                .setBindPort(port)
                .setPath("/cell")
                .setCertificate(certificate)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri(URI)
                .setApplicationName(LocalizedText.english("Inspection cell 1"))
                .setProductUri("urn:serviceproof:test")
                .setEndpoints(Set.of(
                        base.copy()
                                .setSecurityPolicy(SecurityPolicy.None)
                                .setSecurityMode(MessageSecurityMode.None)
                                .build(),
                        base.copy()
                                .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                                .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                                .build()))
                .setCertificateManager(new DefaultCertificateManager(keyPair, certificate))
                .setTrustListManager(trust)
                .setCertificateValidator(new DefaultServerCertificateValidator(trust))
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
                .build();
        server = new OpcUaServer(config);
        namespace = new CellNamespace(server);
        namespace.startup();
        server.startup().get(30, TimeUnit.SECONDS);
        answerConditionRefresh();
    }

    void stop() throws Exception {
        namespace.shutdown();
        server.shutdown().get(30, TimeUnit.SECONDS);
    }

    String endpoint() {
        return "opc.tcp://127.0.0.1:" + port + "/cell";
    }

    String fingerprint() {
        return OpcUaCertificate.fingerprint(certificate);
    }

    /** The node id as gateway.yaml writes it, e.g. {@code ns=2;s=Cell1/Verdict}. */
    String node(String name) {
        return "ns=" + server.getNamespaceTable().getIndex(NAMESPACE) + ";s=Cell1/" + name;
    }

    /** The cell writes a value, stamped with the time it measured it. */
    void write(String name, Object value, Instant measuredAt) {
        namespace
                .nodes
                .get(name)
                .setValue(new DataValue(new Variant(value), StatusCode.GOOD, new DateTime(measuredAt), DateTime.now()));
    }

    /**
     * The cell raises an OPC UA event from its Server object, as a machine raises an alarm: with its
     * own EventId, source, message, severity and time.
     */
    void raise(byte[] eventId, String message, int severity, Instant at) throws Exception {
        org.eclipse.milo.opcua.sdk.server.model.nodes.objects.BaseEventTypeNode event = server.getEventFactory()
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
        server.getEventBus().post(event);
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
                (org.eclipse.milo.opcua.sdk.server.model.nodes.objects.AlarmConditionTypeNode) server.getEventFactory()
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
        server.getEventBus().post(alarm);
        alarm.delete();
    }

    /**
     * ConditionRefresh as Part 9 has a server answer it: a RefreshStart event, the last state of every
     * retained condition (with its own EventId), a RefreshEnd event. Milo's own answer sends only the
     * two brackets, since Milo keeps no conditions.
     */
    private void answerConditionRefresh() {
        var method = (org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode) server.getAddressSpaceManager()
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
                server.getEventFactory().createEvent(new NodeId(1, java.util.UUID.randomUUID()), type);
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
        server.getEventBus().post(event);
        event.delete();
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static final class CellNamespace extends ManagedNamespaceWithLifecycle {

        private final SubscriptionModel subscriptions;
        final Map<String, UaVariableNode> nodes = new ConcurrentHashMap<>();

        CellNamespace(OpcUaServer server) {
            super(server, NAMESPACE);
            this.subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
            getLifecycleManager().addStartupTask(this::addNodes);
        }

        private void addNodes() {
            UaFolderNode cell = new UaFolderNode(
                    getNodeContext(),
                    newNodeId("Cell1"),
                    newQualifiedName("Cell1"),
                    LocalizedText.english("Inspection cell 1"));
            getNodeManager().addNode(cell);
            cell.addReference(new Reference(
                    cell.getNodeId(), Identifiers.Organizes, Identifiers.ObjectsFolder.expanded(), false));
            variable(cell, "Verdict", Identifiers.String);
            variable(cell, "PartId", Identifiers.String);
            variable(cell, "LatencyMs", Identifiers.Double);
            variable(cell, "Alarm", Identifiers.Boolean);
            variable(cell, "AlarmId", Identifiers.String);
        }

        private void variable(UaFolderNode cell, String name, NodeId dataType) {
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId("Cell1/" + name))
                    .setAccessLevel(AccessLevel.READ_WRITE)
                    .setUserAccessLevel(AccessLevel.READ_WRITE)
                    .setBrowseName(newQualifiedName(name))
                    .setDisplayName(LocalizedText.english(name))
                    .setDataType(dataType)
                    .setTypeDefinition(Identifiers.BaseDataVariableType)
                    .build();
            node.setValue(new DataValue(Variant.NULL_VALUE));
            getNodeManager().addNode(node);
            cell.addOrganizes(node);
            nodes.put(name, node);
        }

        @Override
        public void onDataItemsCreated(List<DataItem> items) {
            subscriptions.onDataItemsCreated(items);
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
            subscriptions.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
            subscriptions.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
            subscriptions.onMonitoringModeChanged(items);
        }
    }
}
