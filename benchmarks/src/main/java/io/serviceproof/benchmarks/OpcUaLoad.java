package io.serviceproof.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.server.EndpointConfiguration;
import org.eclipse.milo.opcua.stack.server.security.DefaultServerCertificateValidator;

/**
 * OPC UA source-to-log latency (issue 19), in two parts run by {@code benchmarks/load-opcua}:
 * {@code machine <port> <items> <seconds> <gateway certificate .der> <fingerprint file>} plays a
 * machine (Eclipse Milo, Basic256Sha256, trusting only the gateway's certificate) whose {@code items}
 * values each change once a second, spread evenly over the second, stamped with the time they were
 * written; {@code latency <server url> <token> <since epoch ms>} reads the events the gateway logged
 * and prints how long each took from its source time to the log's append time.
 */
public final class OpcUaLoad {

    private static final String NAMESPACE = "urn:serviceproof:bench:machine";
    /** Not the namespace's URI: the server registers its own URI as namespace 1, and ours must be 2. */
    private static final String APPLICATION_URI = "urn:serviceproof:bench:machine:server";

    private static final Pattern ENTRY =
            Pattern.compile("\"index\":(\\d+)[^}]*?\"eventId\":\"(opcua:[0-9a-f]+)\"[^}]*?\"occurredAt\":\"([^\"]+)\""
                    + "[^}]*?\"appendedAt\":\"([^\"]+)\"");

    private OpcUaLoad() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("machine")) {
            machine(
                    Integer.parseInt(args[1]),
                    Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]),
                    Path.of(args[4]),
                    Path.of(args[5]));
        } else {
            latency(args[1], args[2], Long.parseLong(args[3]));
        }
    }

    private static void machine(int port, int items, int seconds, Path gatewayCertificate, Path fingerprintFile)
            throws Exception {
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate certificate = new SelfSignedCertificateGenerator()
                .generateSelfSigned(
                        keyPair,
                        new Date(),
                        Date.from(Instant.now().plus(Duration.ofDays(30))),
                        "Load machine",
                        "ServiceProof",
                        null,
                        null,
                        null,
                        null,
                        APPLICATION_URI,
                        List.of("localhost"),
                        List.of("127.0.0.1"),
                        SelfSignedCertificateBuilder.SA_SHA256_RSA);
        Path pki = Files.createTempDirectory("machine-pki");
        DefaultTrustListManager trust = new DefaultTrustListManager(pki.toFile());
        try (var in = Files.newInputStream(gatewayCertificate)) {
            trust.addTrustedCertificate(
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        OpcUaServer server = new OpcUaServer(OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("Load machine"))
                .setProductUri("urn:serviceproof:bench")
                .setEndpoints(Set.of(
                        endpoint(port, certificate, "/machine")
                                .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                                .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                                .build(),
                        // Discovery without security, as the specification asks of every server: the
                        // client learns the secure endpoint and its certificate here.
                        endpoint(port, certificate, "/machine/discovery")
                                .setSecurityPolicy(SecurityPolicy.None)
                                .setSecurityMode(MessageSecurityMode.None)
                                .build()))
                .setCertificateManager(new DefaultCertificateManager(keyPair, certificate))
                .setTrustListManager(trust)
                .setCertificateValidator(new DefaultServerCertificateValidator(trust))
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
                .build());
        Machine machine = new Machine(server, items);
        machine.startup();
        server.startup().get(30, TimeUnit.SECONDS);
        Files.writeString(
                fingerprintFile,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
        // The gateway connects and subscribes: a change written before its monitored item exists is
        // not an event, so the clock starts only when every value is watched.
        while (server.getMonitoredItemCount().get() < items) {
            Thread.sleep(100);
        }
        long start = System.nanoTime();
        long step = TimeUnit.SECONDS.toNanos(1) / items;
        for (long tick = 0; tick < (long) seconds * items; tick++) {
            long due = start + tick * step;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int item = (int) (tick % items);
            machine.nodes
                    .get(item)
                    .setValue(new DataValue(
                            new Variant(10.0 + (tick % 97)),
                            StatusCode.GOOD,
                            new DateTime(Instant.now()),
                            DateTime.now()));
        }
        Thread.sleep(3_000);
        server.shutdown().get(30, TimeUnit.SECONDS);
        System.out.println("machine: " + (long) seconds * items + " changes written");
    }

    private static EndpointConfiguration.Builder endpoint(int port, X509Certificate certificate, String path) {
        return EndpointConfiguration.newBuilder()
                .setBindAddress("127.0.0.1")
                .setHostname("127.0.0.1")
                .setBindPort(port)
                .setPath(path)
                .setCertificate(certificate)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
    }

    private static void latency(String server, String token, long sinceMillis) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Long> millis = new ArrayList<>();
        long before = Long.MAX_VALUE;
        long first = Long.MAX_VALUE;
        long last = 0;
        while (true) {
            String body = http.send(
                            HttpRequest.newBuilder(URI.create(server
                                            + "/api/v1/ledger/entries?type=api.request&limit=500&before=" + before))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = ENTRY.matcher(body);
            int found = 0;
            while (m.find()) {
                found++;
                before = Long.parseLong(m.group(1));
                long occurred = Instant.parse(m.group(3)).toEpochMilli();
                long appended = Instant.parse(m.group(4)).toEpochMilli();
                if (occurred >= sinceMillis) {
                    millis.add(appended - occurred);
                    first = Math.min(first, occurred);
                    last = Math.max(last, appended);
                }
            }
            if (found < 500) {
                break;
            }
        }
        Collections.sort(millis);
        int n = millis.size();
        if (n == 0) {
            System.out.println("no events logged");
            return;
        }
        System.out.printf(
                "events logged: %d over %.1f s (%.0f/s); source-to-log latency ms: p50 %d, p90 %d, p99 %d, max %d%n",
                n,
                (last - first) / 1000.0,
                n * 1000.0 / Math.max(1, last - first),
                millis.get(n / 2),
                millis.get((int) (n * 0.9)),
                millis.get((int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)),
                millis.get(n - 1));
    }

    /** The machine's address space: {@code Machine/Item<i>}, doubles. */
    private static final class Machine extends ManagedNamespaceWithLifecycle {

        private final SubscriptionModel subscriptions;
        final List<UaVariableNode> nodes = new ArrayList<>();
        private final int items;

        Machine(OpcUaServer server, int items) {
            super(server, NAMESPACE);
            this.items = items;
            this.subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
            getLifecycleManager().addStartupTask(this::addNodes);
        }

        private void addNodes() {
            UaFolderNode folder = new UaFolderNode(
                    getNodeContext(),
                    newNodeId("Machine"),
                    newQualifiedName("Machine"),
                    LocalizedText.english("Machine"));
            getNodeManager().addNode(folder);
            folder.addReference(new Reference(
                    folder.getNodeId(), Identifiers.Organizes, Identifiers.ObjectsFolder.expanded(), false));
            for (int i = 0; i < items; i++) {
                UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                        .setNodeId(newNodeId("Machine/Item" + i))
                        .setAccessLevel(AccessLevel.READ_WRITE)
                        .setBrowseName(newQualifiedName("Item" + i))
                        .setDisplayName(LocalizedText.english("Item " + i))
                        .setDataType(Identifiers.Double)
                        .setTypeDefinition(Identifiers.BaseDataVariableType)
                        .build();
                node.setValue(new DataValue(Variant.NULL_VALUE));
                getNodeManager().addNode(node);
                folder.addOrganizes(node);
                nodes.add(node);
            }
        }

        @Override
        public void onDataItemsCreated(List<DataItem> dataItems) {
            subscriptions.onDataItemsCreated(dataItems);
        }

        @Override
        public void onDataItemsModified(List<DataItem> dataItems) {
            subscriptions.onDataItemsModified(dataItems);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> dataItems) {
            subscriptions.onDataItemsDeleted(dataItems);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
            subscriptions.onMonitoringModeChanged(monitoredItems);
        }
    }
}
