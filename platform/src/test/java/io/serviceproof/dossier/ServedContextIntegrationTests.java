package io.serviceproof.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Our JSON-LD context, as a processor fetches it from a running server: a JSON-LD media type (a
 * context served as application/octet-stream is refused), declaring the sp: vocabulary.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=native"})
class ServedContextIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theContextIsServedAsJsonLd() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/contexts/serviceproof-v1.jsonld"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        assertThat(response.body()).contains("\"sp\": \"https://serviceproof.io/vocab#\"");
    }
}
