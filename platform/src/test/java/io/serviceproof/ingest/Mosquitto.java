package io.serviceproof.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real MQTT broker for a test: Debian's Mosquitto (installed by .ci/run), started on a free port
 * with persistence in a temporary folder, so a restart keeps queued QoS 1 messages and sessions.
 */
public final class Mosquitto implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path folder;
    private final int port;
    private int tlsPort;

    /** What a TLS listener needs: the CA clients must present a certificate from, the broker's own. */
    public record TlsListener(String caPem, String certificatePem, String keyPem) {}

    private Process process;

    public Mosquitto() throws IOException {
        this(null);
    }

    /**
     * With {@code pki} (the CA, and the broker's certificate it issued), a second listener speaks TLS
     * and admits only clients with a certificate from that CA ({@link #tlsPort()}).
     */
    public Mosquitto(TlsListener pki) throws IOException {
        folder = Files.createTempDirectory("mosquitto-");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String tls = "";
        if (pki != null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                tlsPort = socket.getLocalPort();
            }
            Files.writeString(folder.resolve("ca.pem"), pki.caPem());
            Files.writeString(folder.resolve("server.pem"), pki.certificatePem());
            Files.writeString(folder.resolve("server.key"), pki.keyPem());
            tls = """
                    listener %d 127.0.0.1
                    cafile %s
                    certfile %s
                    keyfile %s
                    require_certificate true
                    """.formatted(
                    tlsPort, folder.resolve("ca.pem"), folder.resolve("server.pem"), folder.resolve("server.key"));
        }
        Files.writeString(
                folder.resolve("mosquitto.conf"), """
                listener %d 127.0.0.1
                allow_anonymous true
                persistence true
                persistence_location %s/
                max_queued_messages 1000000
                max_inflight_messages 1000
                log_dest stderr
                log_type error
                user %s
                """.formatted(port, folder, System.getProperty("user.name")) + tls);
        start();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public void start() throws IOException {
        process = new ProcessBuilder(
                        BINARY.toString(),
                        "-c",
                        folder.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("broker.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IOException(
                "mosquitto did not listen on " + port + ": " + Files.readString(folder.resolve("broker.log")));
    }

    /** Stops the broker as an operator would (SIGTERM: it writes its persistence file), then starts it again. */
    public void restart() throws Exception {
        stop();
        start();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
