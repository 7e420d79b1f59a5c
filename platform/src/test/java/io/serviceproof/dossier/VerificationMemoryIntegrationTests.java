package io.serviceproof.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Strangers cannot fill the server's heap through the public verification page: while every
 * verification slot is busy, eight visitors uploading 60 MB each at once are asked to retry, and none
 * of their uploads is read into memory. Large arrays are allocated in the old generation, so its peak
 * shows any upload that was read (the first version read each one before deciding, and ran out of
 * memory on three).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=native"})
class VerificationMemoryIntegrationTests {

    private static final int VISITORS = 8;
    private static final int UPLOAD_BYTES = 60 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    VerificationSlots slots;

    @Test
    void eightConcurrentLargeUploadsWhileTheSlotsAreBusyAreRefusedUnread() throws Exception {
        byte[] upload = new byte[UPLOAD_BYTES];
        new Random(7).nextBytes(upload);
        String base = "http://127.0.0.1:" + port;
        List<AutoCloseable> held = new ArrayList<>();
        while (slots.available() > 0) {
            held.add(slots.hold());
        }
        List<Integer> statuses = new ArrayList<>();
        long peakRise;
        try {
            System.gc();
            List<MemoryPoolMXBean> oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
                    .toList();
            assertThat(oldGeneration).isNotEmpty();
            long before = oldGeneration.stream()
                    .mapToLong(p -> p.getUsage().getUsed())
                    .sum();
            oldGeneration.forEach(MemoryPoolMXBean::resetPeakUsage);

            ExecutorService visitors = Executors.newFixedThreadPool(VISITORS);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < VISITORS; i++) {
                answers.add(visitors.submit(() -> verify(base, upload)));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            visitors.shutdown();
            long peak = oldGeneration.stream()
                    .mapToLong(p -> p.getPeakUsage().getUsed())
                    .sum();
            peakRise = peak - before;
        } finally {
            for (AutoCloseable slot : held) {
                slot.close();
            }
        }
        assertThat(statuses).as("each is asked to retry").containsOnly(503);
        assertThat(peakRise).as("no upload was read into memory").isLessThan(UPLOAD_BYTES / 2);

        // With a slot free again, an upload is read and answered.
        assertThat(verify(base, new byte[1024])).isEqualTo(200);
    }

    private static java.nio.file.Path uploadFile;

    /** The upload as a file, written once: sent from disk, it costs the test's own heap nothing. */
    private static synchronized java.nio.file.Path file(byte[] upload) throws java.io.IOException {
        if (uploadFile == null || java.nio.file.Files.size(uploadFile) != upload.length) {
            uploadFile = java.nio.file.Files.createTempFile("hostile-upload", ".zip");
            java.nio.file.Files.write(uploadFile, upload);
        }
        return uploadFile;
    }

    /** One visitor: the form (for its CSRF token), then the upload; returns the answer's status. */
    private static int verify(String baseUrl, byte[] upload) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/verify")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String boundary = "memory" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1)
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dossier.zip\"\r\n"
                        + "Content-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/verify"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.concat(
                                        HttpRequest.BodyPublishers.ofByteArray(head),
                                        HttpRequest.BodyPublishers.ofFile(file(upload)),
                                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
