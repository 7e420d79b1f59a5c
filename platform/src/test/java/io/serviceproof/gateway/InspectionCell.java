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
    /** The OPC UA events the cell raises: plain alarms and alarm conditions. */
    final CellEvents events = new CellEvents(() -> server);

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
        events.answerConditionRefresh();
        events.awaitConditionTypes();
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
