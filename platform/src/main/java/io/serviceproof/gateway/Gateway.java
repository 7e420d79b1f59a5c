package io.serviceproof.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running gateway: the spool, the uplink that empties it, the local brokers and OPC UA servers
 * that fill it, and a
 * small status endpoint ({@code GET /status}: backlog, last delivery, last error) for the plant's
 * monitoring. It runs until the process is stopped; a stop by any means (kill -9 included) loses
 * nothing acknowledged, because nothing is acknowledged upstream before it is on disk, and nothing
 * leaves the spool before the server has it.
 */
final class Gateway implements AutoCloseable {

    static final long SEGMENT_BYTES = 64L * 1024 * 1024;

    private final Spool spool;
    private final Uplink uplink;
    private final Thread uplinkThread;
    private final Intake intake;
    private final List<MqttInput> inputs = new ArrayList<>();
    private final List<OpcUaInput> machines = new ArrayList<>();
    private final HttpServer status;
    private final GatewayKey key;

    Gateway(GatewayConfig config, Clock clock) throws IOException {
        Path dir = Path.of(config.dir());
        this.key = GatewayKey.load(dir);
        String token = config.token() != null
                ? config.token()
                : Files.readString(Path.of(config.tokenFile())).strip();
        this.spool = new Spool(dir.resolve("spool"), SEGMENT_BYTES);
        Path rejected = dir.resolve("rejected.jsonl");
        this.uplink = new Uplink(config, spool, key, token, rejected, clock);
        this.uplinkThread = new Thread(uplink, "gateway-uplink");
        this.intake = new Intake(spool, key, config.maxBacklogBytes(), clock);
        for (GatewayConfig.MqttSource source : config.mqtt()) {
            inputs.add(new MqttInput(source, config, intake, key, rejected, clock));
        }
        if (!config.opcua().isEmpty()) {
            OpcUaCertificate certificate = OpcUaCertificate.loadOrCreate(dir, key.keyId(), clock);
            ServerTrust trust = new ServerTrust(config.server(), token, key.keyId());
            uplink.trustFrom(trust);
            for (GatewayConfig.OpcUaSource source : config.opcua()) {
                machines.add(new OpcUaInput(source, config.serviceLayerId(), intake, certificate, trust, clock));
            }
        }
        String[] hostPort = config.status().split(":");
        this.status = HttpServer.create(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 16);
        status.createContext("/status", exchange -> {
            try (exchange) {
                byte[] body = statusJson().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
    }

    void start() {
        machines.forEach(OpcUaInput::start);
        uplinkThread.start();
        status.start();
    }

    int statusPort() {
        return status.getAddress().getPort();
    }

    String statusJson() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("keyId", key.keyId());
        s.put("backlogEvents", spool.pendingRecords());
        s.put("backlogBytes", spool.pendingBytes());
        s.put(
                "received",
                inputs.stream().mapToLong(i -> i.received.get()).sum()
                        + machines.stream().mapToLong(m -> m.received.get()).sum());
        s.put("delivered", uplink.delivered.get());
        s.put("setAside", uplink.setAside.get());
        s.put(
                "lastDelivery",
                uplink.lastDelivery.get() == null
                        ? io.serviceproof.verifier.json.Json.NULL
                        : uplink.lastDelivery.get().toString());
        s.put(
                "lastError",
                uplink.lastError.get() == null ? io.serviceproof.verifier.json.Json.NULL : uplink.lastError.get());
        String inputError = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(intake.lastError),
                        machines.stream().map(m -> m.lastError))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        s.put("inputError", inputError == null ? io.serviceproof.verifier.json.Json.NULL : inputError);
        List<Object> mqtt = new ArrayList<>();
        for (MqttInput input : inputs) {
            mqtt.add(
                    Map.of("broker", input.broker(), "subscribed", input.subscribed, "messages", input.received.get()));
        }
        s.put("mqtt", mqtt);
        List<Object> opcua = new ArrayList<>();
        for (OpcUaInput machine : machines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("endpoint", machine.endpoint());
            m.put("subscribed", machine.subscribed);
            m.put("events", machine.received.get());
            m.put("lastError", machine.lastError == null ? io.serviceproof.verifier.json.Json.NULL : machine.lastError);
            // A certificate refused because no fingerprint in gateway.yaml names it: compare it with the
            // one the machine shows, then add it to trustedServerCertificates.
            m.put(
                    "refusedServerCertificate",
                    machine.refusedServerCertificate == null
                            ? io.serviceproof.verifier.json.Json.NULL
                            : machine.refusedServerCertificate);
            opcua.add(m);
        }
        s.put("opcua", opcua);
        try {
            return io.serviceproof.verifier.json.Json.canonical(s);
        } catch (io.serviceproof.verifier.json.JsonException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        inputs.forEach(MqttInput::close);
        machines.forEach(OpcUaInput::close);
        uplink.stop();
        uplinkThread.interrupt();
        try {
            uplinkThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        status.stop(0);
        spool.close();
    }
}
