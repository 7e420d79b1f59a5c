package io.serviceproof.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared test vectors, read where they live ({@code ../shared/testvectors}); never copied into
 * this repository.
 */
public final class TestVectors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestVectors() {}

    public static Path root() {
        Path configured = Path.of(System.getProperty("serviceproof.shared.dir", "../../shared"));
        Path vectors = configured.resolve("testvectors");
        if (!Files.isDirectory(vectors)) {
            throw new IllegalStateException("Test vectors not found at " + vectors.toAbsolutePath()
                    + "; set -Dserviceproof.shared.dir to the shared/ folder");
        }
        return vectors;
    }

    public static List<Path> jsonFiles(String set) {
        try (Stream<Path> files = Files.walk(root().resolve(set))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String name(Path file) {
        return root().relativize(file).toString();
    }
}
