package io.serviceproof.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real load balancer for a test: Debian's haproxy (installed by .ci/run), round-robin over the
 * given nodes with no stickiness, health-checking each node's readiness twice a second. Every answer
 * names the node that served it ({@code X-Served-By: node1}), so a test can see the requests of one
 * session land on different nodes.
 */
final class Haproxy implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/haproxy");

    private final Path folder;
    private final int port;
    private final Process process;

    Haproxy(List<Integer> nodePorts) throws IOException {
        folder = Files.createTempDirectory("haproxy-");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < nodePorts.size(); i++) {
            servers.append("  server node%d 127.0.0.1:%d check%n".formatted(i + 1, nodePorts.get(i)));
        }
        Files.writeString(folder.resolve("haproxy.cfg"), """
                global
                  maxconn 1000
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 120s
                  timeout server 120s
                  # Only a connection refused is tried again, on the other node: a request the node
                  # received is never sent twice.
                  retries 2
                  option redispatch
                frontend serviceproof
                  bind 127.0.0.1:%d
                  default_backend nodes
                backend nodes
                  balance roundrobin
                  option forwardfor
                  option httpchk GET /actuator/health/readiness
                  http-check expect status 200
                  default-server inter 500ms fall 2 rise 2
                  http-response set-header X-Served-By %%[srv_name]
                %s""".formatted(port, servers));
        process = new ProcessBuilder(
                        BINARY.toString(),
                        "-db",
                        "-f",
                        folder.resolve("haproxy.cfg").toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("haproxy.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IOException("haproxy did not listen on " + port + ": "
                            + Files.readString(folder.resolve("haproxy.log")));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
