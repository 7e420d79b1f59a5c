package io.serviceproof.dossier;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official UNTP Digital Conformity Credential JSON Schema (draft 2020-12) for the version our
 * credentials name, read from the shared test vectors (their source and licence are there), with
 * formats such as {@code date} asserted rather than merely annotated.
 */
public final class UntpSchema {

    public static final String VERSION = "0.6.0";

    private static final Schema SCHEMA = load();

    private UntpSchema() {}

    /** Every violation, as "path: message"; empty when the credential conforms. */
    public static List<String> violations(String credentialJson) {
        return SCHEMA.validate(JsonMapper.builder().build().readTree(credentialJson)).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    private static Schema load() {
        Path shared = Path.of(System.getProperty("serviceproof.shared.dir", "../../shared"));
        Path file =
                shared.resolve("testvectors/untp-dcc/untp-dcc-" + VERSION + "-DigitalConformityCredential-schema.json");
        try {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build()));
            return registry.getSchema(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the UNTP schema is read from " + file.toAbsolutePath(), e);
        }
    }
}
