package io.serviceproof;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code target/serviceproof-exec.jar}) run as a separate process, so that tests can
 * kill it with SIGKILL or run two of them side by side, exactly as an operator would.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "serviceproof-exec.jar");
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server and waits until it reports ready. */
    public static ServerProcess start(Map<String, String> environment, Path log) throws Exception {
        return start(environment, log, freePort());
    }

    /** Starts a server on the given port (a node that a balancer expects back where it was). */
    public static ServerProcess start(Map<String, String> environment, Path log, int port) throws Exception {
        // C1 only and the serial collector: these servers live for seconds, and start in two thirds of the time.
        ProcessBuilder builder = new ProcessBuilder(
                        JAVA, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("SERVICEPROOF_DEMO", "true");
        ServerProcess server = new ServerProcess(builder.start(), port);
        server.awaitReady(log);
        return server;
    }

    /** Runs {@code serviceproof admin ...} against the same database; returns its standard output. */
    public static String admin(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString(), "admin"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process admin = builder.start();
        String out = new String(admin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!admin.waitFor(60, TimeUnit.SECONDS) || admin.exitValue() != 0) {
            throw new IllegalStateException("admin " + String.join(" ", args) + " failed: " + out);
        }
        return out.strip();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hooks, no flushing, like a power cut of the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited during start-up:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server did not become ready in 90 s");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
