package io.serviceproof.services.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.serviceproof.common.UnprocessableDocumentException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile API contracts: every way of writing a reference that leaves the document is refused on
 * the parsed tree, and neither parsing nor diffing ever opens a URL or a file the upload names.
 */
class OpenApiDocumentTests {

    private static final String HEAD = "openapi: 3.0.3\ninfo:\n  title: Inspection API\n  version: '1.0'\n";

    HttpServer server;
    AtomicInteger hits = new AtomicInteger();
    String url;

    @TempDir
    Path folder;

    @BeforeEach
    void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "{\"type\":\"string\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/schema.json";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String jsonWithSchema(String schema) {
        return "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Inspection API\",\"version\":\"1.0\"},"
                + "\"paths\":{\"/verdicts\":{\"get\":{\"responses\":{\"200\":{\"description\":\"A verdict\","
                + "\"content\":{\"application/json\":{\"schema\":" + schema + "}}}}}}}}";
    }

    private String yamlWithSchema(String schemaLines) {
        return HEAD + "paths:\n  /verdicts:\n    get:\n      responses:\n        '200':\n"
                + "          description: A verdict\n          content:\n            application/json:\n"
                + "              schema:\n" + schemaLines.indent(16);
    }

    private void assertRefused(String document, String locationPart) {
        assertThatThrownBy(() -> OpenApiDocument.parse(document))
                .isInstanceOf(UnprocessableDocumentException.class)
                .satisfies(e -> assertThat(((UnprocessableDocumentException) e).problems())
                        .anySatisfy(p ->
                                assertThat(p.location() + " " + p.message()).contains(locationPart)));
        assertThat(hits)
                .as("requests the parser made to the URL the upload names")
                .hasValue(0);
    }

    @Test
    void aReferenceWithAnEscapedDollarIsStillAReference() {
        assertRefused(jsonWithSchema("{\"\\u0024ref\":\"" + url + "\"}"), "points outside the document");
    }

    @Test
    void aYamlComplexKeyNamingRefIsRefused() {
        assertRefused(yamlWithSchema("? $ref\n: " + url + "\n"), "$ref");
    }

    @Test
    void flowStyleAndQuotedKeysAreReadAsTheParserReadsThem() {
        assertRefused(yamlWithSchema("{\"$ref\" : '" + url + "'}\n"), "points outside the document");
        assertRefused(yamlWithSchema("allOf:\n  - {$ref: " + url + "}\n"), "/allOf/0/$ref");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "file:///etc/passwd", "other.yaml#/components/schemas/A", "//host/x"})
    void filesAndRelativeDocumentsAreRefused(String target) {
        assertRefused(yamlWithSchema("$ref: '" + target + "'\n"), "points outside the document");
    }

    @Test
    void aFifoNamedByAnUploadIsNeverOpened() throws Exception {
        Path fifo = folder.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        // Opening a FIFO with no writer blocks forever: the test would hang if anything tried.
        assertRefused(yamlWithSchema("$ref: " + fifo + "\n"), "points outside the document");
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void aReferenceThatIsNotTextIsRefused() {
        assertRefused(jsonWithSchema("{\"$ref\":{\"url\":\"" + url + "\"}}"), "must be text");
    }

    @Test
    void localReferencesAreAccepted() {
        String document = HEAD
                + "paths:\n  /verdicts:\n    get:\n      responses:\n        '200':\n          description: ok\n"
                + "          content:\n            application/json:\n              schema:\n"
                + "                $ref: '#/components/schemas/Verdict'\n"
                + "components:\n  schemas:\n    Verdict:\n      type: object\n";
        OpenApiDocument parsed = OpenApiDocument.parse(document);
        assertThat(parsed.operations()).isEqualTo(1);
        assertThat(parsed.title()).isEqualTo("Inspection API");
    }

    @Test
    void aContractStoredBeforeTheseChecksCannotMakeTheDiffFetch() {
        String good = jsonWithSchema("{\"type\":\"string\"}");
        String storedEarlier = jsonWithSchema("{\"$ref\":\"" + url + "\"}");
        assertThatThrownBy(() -> ContractDiff.between(storedEarlier, good))
                .isInstanceOf(UnprocessableDocumentException.class);
        assertThatThrownBy(() -> ContractDiff.between(good, storedEarlier))
                .isInstanceOf(UnprocessableDocumentException.class);
        assertThat(hits).hasValue(0);
    }

    @Test
    void theDiffStillFindsABreakingChangeThroughLocalReferences() {
        String before = HEAD
                + "paths:\n  /verdicts:\n    get:\n      responses:\n        '200':\n          description: ok\n"
                + "  /alarms:\n    get:\n      responses:\n        '200':\n          description: ok\n";
        String after =
                HEAD + "paths:\n  /verdicts:\n    get:\n      responses:\n        '200':\n          description: ok\n";
        ContractDiff diff = ContractDiff.between(before, after);
        assertThat(diff.breaking()).isTrue();
        assertThat(diff.removed()).containsExactly("GET /alarms");
    }

    @Test
    void billionLaughsIsRefusedBeforeItExpands() {
        StringBuilder yaml = new StringBuilder(HEAD).append("x-laughs:\n  a: &a [\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char previous = (char) (c - 1);
            yaml.append("  ")
                    .append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(previous)
                    .append(",*")
                    .append(previous)
                    .append(",*")
                    .append(previous)
                    .append("]\n");
        }
        yaml.append("paths: {}\n");
        assertRefused(yaml.toString(), "line 6");
    }
}
