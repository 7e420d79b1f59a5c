package io.serviceproof.gateway;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscription;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscriptionManager;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;

/**
 * One OPC UA server the gateway reads (Eclipse Milo's client): a session on the configured security
 * policy, one subscription with a monitored item per node, and each publish turned into events
 * (OpcUaNotifications) and handed to the intake, which signs and spools them before the next publish is
 * taken. Milo keeps the session across network loss and transfers the subscription; when the server
 * lost it (it restarted), the subscription is made again, and the server's current values come first
 * (the same events as before, by their ids).
 *
 * <p>OPC UA has no acknowledgement back to the machine: what the server sampled while no session
 * existed is not sent later, except what its monitored-item queue (1,000 values per node) held. The
 * status shows when the server reported notifications lost.
 */
final class OpcUaInput implements AutoCloseable {

    private final GatewayConfig.OpcUaSource source;
    private final OpcUaNotifications notifications;
    private final OpcUaCertificate certificate;
    private final Clock clock;
    private final Map<String, NodeId> nodes;
    private final ServerTrust serverTrust;
    private final PinnedServerCertificates validator;
    private final Map<GatewayConfig.OpcUaAlarm, NodeId> notifiers;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread worker;
    /** Remakes a subscription the server lost, off Milo's threads. */
    private final ExecutorService resubscriber =
            Executors.newSingleThreadExecutor(io.serviceproof.common.DaemonThreads.named("gateway-opcua-resubscribe"));

    /** Events handed to the intake and taken. */
    final AtomicLong received;

    volatile String lastError;
    volatile String refusedServerCertificate;
    volatile boolean subscribed;
    private volatile OpcUaClient client;

    OpcUaInput(
            GatewayConfig.OpcUaSource source,
            String serviceLayerId,
            Intake intake,
            OpcUaCertificate certificate,
            Clock clock) {
        this(source, serviceLayerId, intake, certificate, null, clock);
    }

    /** @param serverTrust what a person trusted on the device page, or null for gateway.yaml's pins only */
    OpcUaInput(
            GatewayConfig.OpcUaSource source,
            String serviceLayerId,
            Intake intake,
            OpcUaCertificate certificate,
            ServerTrust serverTrust,
            Clock clock) {
        this.serverTrust = serverTrust;
        this.validator = new PinnedServerCertificates(
                source.trustedServerCertificates(),
                fingerprint -> serverTrust != null && serverTrust.trusts(fingerprint),
                this::refused);
        this.source = source;
        this.notifications = new OpcUaNotifications(source, serviceLayerId, intake, clock, error -> lastError = error);
        this.received = notifications.received;
        this.notifiers = OpcUaSessions.nodeIds(
                source.alarms(),
                GatewayConfig.OpcUaAlarm::notifier,
                "opcua alarms notifier '%s': not a node id such as i=2253");
        this.certificate = certificate;
        this.clock = clock;
        this.nodes = OpcUaSessions.nodeIds(
                notifications.nodes(), node -> node, "opcua node '%s': not a node id such as ns=2;s=Cell1/Verdict");
        this.worker = new Thread(this::run, "gateway-opcua");
        worker.setDaemon(true);
    }

    void start() {
        worker.start();
    }

    String endpoint() {
        return source.endpoint();
    }

    private void run() {
        long delay = 500;
        while (stop.getCount() > 0) {
            try {
                client = connect();
                subscribe(client);
                // Connected until stopped, or until a person takes back the trust in this server.
                while (!stop.await(1, TimeUnit.SECONDS)) {
                    String current = validator.accepted;
                    if (current != null && !validator.trusts(current)) {
                        throw new UaException(
                                org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_SecurityChecksFailed,
                                "the trust in the server's certificate " + current + " was taken back");
                    }
                }
                return;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                subscribed = false;
                lastError = clock.instant() + " " + source.endpoint() + ": " + reason(e);
                disconnect();
                try {
                    if (stop.await(delay, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException stopping) {
                    return;
                }
                delay = Math.min(delay * 2, 30_000);
            }
        }
    }

    private OpcUaClient connect() throws Exception {
        OpcUaClient created = OpcUaSessions.client(source, certificate, validator);
        created.getSubscriptionManager().addSubscriptionListener(new UaSubscriptionManager.SubscriptionListener() {
            @Override
            public void onSubscriptionTransferFailed(UaSubscription lost, StatusCode status) {
                subscribed = false;
                resubscriber.execute(() -> resubscribe(created));
            }

            @Override
            public void onNotificationDataLost(UaSubscription subscription) {
                lastError = clock.instant() + " " + source.endpoint()
                        + ": the server reported notifications lost (a gap in its publish sequence)";
            }
        });
        validator.accepted = null;
        created.connect().get(15, TimeUnit.SECONDS);
        refusedServerCertificate = null;
        return created;
    }

    /** A certificate refused: shown in /status, and reported to the server for a person to decide on. */
    private void refused(java.security.cert.X509Certificate certificate) {
        String fingerprint = OpcUaCertificate.fingerprint(certificate);
        refusedServerCertificate = fingerprint;
        if (serverTrust != null) {
            serverTrust.refused(new ServerTrust.Refusal(
                    source.endpoint(),
                    fingerprint,
                    certificate.getSubjectX500Principal().getName()));
        }
    }

    private void resubscribe(OpcUaClient current) {
        long delay = 500;
        while (stop.getCount() > 0 && current == client) {
            try {
                subscribe(current);
                return;
            } catch (Exception e) {
                lastError = clock.instant() + " " + source.endpoint() + ": subscribing again: " + reason(e);
                try {
                    if (stop.await(delay, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException stopping) {
                    return;
                }
                delay = Math.min(delay * 2, 30_000);
            }
        }
    }

    /**
     * One subscription with its monitored items; then, when alarm conditions are followed, the
     * server's retained conditions are asked for (a new subscription starts without them).
     */
    private void subscribe(OpcUaClient current) throws Exception {
        UaSubscription subscription = current.getSubscriptionManager()
                .createSubscription(source.publishingIntervalMs())
                .get(15, TimeUnit.SECONDS);
        OpcUaMonitoredItems monitored =
                new OpcUaMonitoredItems(current, subscription, nodes, notifiers, source.publishingIntervalMs());
        subscription.addNotificationListener(new UaSubscription.NotificationListener() {
            @Override
            public void onDataChangeNotification(
                    UaSubscription s, List<UaMonitoredItem> items, List<DataValue> values, DateTime publishTime) {
                notifications.values(monitored, items, values);
            }

            @Override
            public void onEventNotification(
                    UaSubscription s, List<UaMonitoredItem> items, List<Variant[]> fields, DateTime publishTime) {
                OpcUaClient current = client;
                if (notifications.events(monitored, items, fields) && current != null) {
                    resubscriber.execute(() -> refreshConditions(current, s));
                }
            }
        });
        List<UaMonitoredItem> items = subscription
                .createMonitoredItems(TimestampsToReturn.Both, monitored.requests())
                .get(15, TimeUnit.SECONDS);
        for (UaMonitoredItem item : items) {
            if (item.getStatusCode().isBad()) {
                throw new UaException(
                        item.getStatusCode(),
                        monitored.describe(item.getClientHandle()) + " cannot be monitored: " + item.getStatusCode());
            }
        }
        subscribed = true;
        lastError = null;
        if (source.alarms().stream().anyMatch(alarm -> !alarm.states().isEmpty())) {
            refreshConditions(current, subscription);
        }
    }

    /**
     * Asks the server for the current state of every condition it retains (OPC UA Part 9,
     * ConditionRefresh), so that an alarm raised while this gateway had no session is logged now, at
     * the time it was raised, rather than only when its next transition comes. A server without the
     * method is reported in the status, and the gateway reads transitions from then on as before.
     */
    private void refreshConditions(OpcUaClient current, UaSubscription subscription) {
        current.call(new CallMethodRequest(
                        Identifiers.ConditionType,
                        Identifiers.ConditionType_ConditionRefresh,
                        new Variant[] {new Variant(subscription.getSubscriptionId())}))
                .whenComplete((result, failure) -> {
                    StatusCode status = failure == null ? result.getStatusCode() : null;
                    if (failure != null || status.isBad()) {
                        lastError = clock.instant() + " " + source.endpoint()
                                + ": the server did not refresh its alarm conditions ("
                                + (failure != null ? reason(failure) : status) + ")";
                    }
                });
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.ExecutionException
                        || cause instanceof java.util.concurrent.CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private void disconnect() {
        OpcUaClient current = client;
        client = null;
        if (current != null) {
            try {
                current.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // going anyway
            }
        }
    }

    @Override
    public void close() {
        stop.countDown();
        resubscriber.shutdownNow();
        disconnect();
        worker.interrupt();
    }
}
