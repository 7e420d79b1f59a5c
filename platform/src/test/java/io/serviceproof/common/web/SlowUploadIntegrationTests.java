package io.serviceproof.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Role;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A client that trickles an upload (the pen test sent one byte every 10 s) is stopped once the grace
 * period has passed: 408, connection closed, nothing stored; it does not hold a thread for minutes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"serviceproof.uploads.minimum-rate-per-second=1KB", "serviceproof.uploads.grace=2s"})
class SlowUploadIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void aTricklingUploadIsEndedWith408SoonAfterTheGracePeriod() throws Exception {
        TestTenant tenant = TestTenant.create(context, "slow-upload");
        String boundary = "slowboundary";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/evidence HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + tenant.token(Role.ENGINEER) + "\r\n"
                            + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                            + "Content-Length: 100000\r\n\r\n" + head)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Instant start = Instant.now();
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 60; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(500);
                    }
                } catch (Exception closedByServer) {
                    // expected: the server hangs up
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            Duration waited = Duration.between(start, Instant.now());
            assertThat(statusLine).startsWith("HTTP/1.1 408");
            // Grace 2 s, then at most one trickled read: well under the half minute the trickle would take.
            assertThat(waited).isLessThan(Duration.ofSeconds(10));
            String line;
            while ((line = in.readLine()) != null) {
                // read to the end: the server closes the connection rather than keep reading
            }
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
            trickle.interrupt();
        }
    }
}
