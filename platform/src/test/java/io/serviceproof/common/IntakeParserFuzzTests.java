package io.serviceproof.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.serviceproof.catalog.exchange.LibraryDocument.FrameworkEntry;
import io.serviceproof.catalog.exchange.OscalCatalogs;
import io.serviceproof.catalog.exchange.Spreadsheets;
import io.serviceproof.services.content.ContentJson;
import io.serviceproof.services.content.LayerContent;
import io.serviceproof.services.content.OpenSlo;
import io.serviceproof.services.contract.OpenApiDocument;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The platform's parsers of uploads (YAML, layer documents, OpenSLO, OpenAPI contracts, OSCAL
 * catalogs, CSV and XLSX spreadsheets), fuzzed with properties. Every input is either accepted or
 * refused with the product's own refusal (a 4xx problem with a location); any other exception would
 * be a 500, which is a finding. What is accepted survives a round trip through our own writer.
 *
 * <p>The corpus under {@code src/test/resources/io/serviceproof/common/IntakeParserFuzzTestsInputs/}
 * (hostile seeds included) runs in the normal suite; {@code JAZZER_FUZZ=1 ./mvnw -pl platform test
 * -Dtest='IntakeParserFuzzTests#<test>'} fuzzes one target.
 */
class IntakeParserFuzzTests {

    /** Runs a parse; a refusal the product answers with 4xx is fine, anything else is a finding. */
    private static <T> T acceptedOrNull(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (UnprocessableDocumentException | InvalidInputException | PayloadTooLargeException refused) {
            return null;
        }
    }

    private static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    @FuzzTest(maxDuration = "30s")
    void yamlIsScreenedOrRefusedWithALocation(byte[] input) {
        try {
            SafeYaml.screen(text(input));
        } catch (UnprocessableDocumentException refused) {
            assertThat(refused.problems()).isNotEmpty();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void layerDocumentsRoundTrip(byte[] input) {
        LayerContent content = acceptedOrNull(() -> ContentJson.fromYaml(text(input)));
        if (content == null) {
            content = acceptedOrNull(() -> ContentJson.fromJson(text(input)));
        }
        if (content != null) {
            String json = ContentJson.toJson(content);
            assertThat(ContentJson.toJson(ContentJson.fromJson(json))).isEqualTo(json);
            assertThat(ContentJson.toJson(ContentJson.fromYaml(ContentJson.toYaml(content))))
                    .isEqualTo(json);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void openSloRoundTrips(byte[] input) {
        List<LayerContent.Slo> slos = acceptedOrNull(() -> OpenSlo.read(text(input)));
        if (slos != null) {
            assertThat(OpenSlo.read(OpenSlo.export("service", slos))).isEqualTo(slos);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void apiContractsParseOrAreRefused(byte[] input) {
        OpenApiDocument document = acceptedOrNull(() -> OpenApiDocument.parse(text(input)));
        if (document != null) {
            assertThat(document.operations()).isNotNegative();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void oscalCatalogsRoundTrip(byte[] input) {
        FrameworkEntry framework = acceptedOrNull(() -> OscalCatalogs.readCatalog(text(input)));
        if (framework != null) {
            String written = OscalCatalogs.writeCatalog(
                    framework,
                    "2f0c1c39-3b4b-4f57-9a51-6a1f0e0a0001",
                    java.time.ZonedDateTime.parse("2026-12-04T00:00Z"));
            assertThat(OscalCatalogs.readCatalog(written)).isEqualTo(framework);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void csvCatalogsRoundTrip(byte[] input) {
        Map<String, String> framework = Map.of("key", "fuzz", "name", "Fuzz", "edition", "1");
        FrameworkEntry read = acceptedOrNull(() -> Spreadsheets.readCsv(new ByteArrayInputStream(input), framework));
        if (read != null) {
            byte[] written = Spreadsheets.writeCsv(read).getBytes(StandardCharsets.UTF_8);
            assertThat(Spreadsheets.readCsv(new ByteArrayInputStream(written), framework))
                    .isEqualTo(read);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void xlsxCatalogsReadOrAreRefused(byte[] input) {
        FrameworkEntry read = acceptedOrNull(
                () -> Spreadsheets.readXlsx(new ByteArrayInputStream(input), Map.of("key", "fuzz", "name", "Fuzz")));
        if (read != null) {
            assertThat(Spreadsheets.readXlsx(new ByteArrayInputStream(Spreadsheets.writeXlsx(read)), Map.of()))
                    .isEqualTo(read);
        }
    }
}
