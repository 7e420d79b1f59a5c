package io.serviceproof.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.catalog.exchange.LibraryDocument;
import io.serviceproof.catalog.exchange.LibraryDocument.FrameworkEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.MappingEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.ProvenanceEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.RequirementEntry;
import io.serviceproof.catalog.exchange.LibraryYaml;
import io.serviceproof.catalog.exchange.OscalCatalogs;
import io.serviceproof.catalog.exchange.OscalMappings;
import io.serviceproof.catalog.exchange.RejectedDocumentException;
import io.serviceproof.catalog.exchange.Spreadsheets;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every exchange format reads back what it wrote, and rejects bad files with a location. */
class ExchangeRoundTripTests {

    static final FrameworkEntry FRAMEWORK = new FrameworkEntry(
            "customer-checklist",
            "Customer checklist [VN tender]",
            "2026",
            "checklist",
            "Buyer",
            "VN",
            "current",
            "Tender annex",
            ProvenanceEntry.unreviewed("S", "tender annex 4"),
            List.of(
                    new RequirementEntry("1", null, "section", "Service levels", "服务级别", List.of(), null),
                    new RequirementEntry(
                            "1.1",
                            "1",
                            "item",
                            "Monthly availability ≥ 99.5 %",
                            "月度可用性",
                            List.of("E2", "E3"),
                            ProvenanceEntry.unreviewed("M", "recalled")),
                    new RequirementEntry("A.2", "1", "item", "Logs *kept* for 90 days", null, List.of("E3"), null)));

    @Test
    void yamlRoundTrips() {
        String yaml = LibraryYaml.toString(LibraryDocument.ofFrameworks(List.of(FRAMEWORK)));
        LibraryDocument back = LibraryYaml.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(back.frameworks()).containsExactly(FRAMEWORK);
    }

    @Test
    void aReviewRoundTripsThroughYaml() {
        FrameworkEntry reviewed = new FrameworkEntry(
                FRAMEWORK.key(),
                FRAMEWORK.name(),
                FRAMEWORK.edition(),
                FRAMEWORK.kind(),
                FRAMEWORK.publisher(),
                FRAMEWORK.jurisdiction(),
                FRAMEWORK.status(),
                FRAMEWORK.summary(),
                new ProvenanceEntry("P", "https://example.org/annex-4.pdf", true, "Li Wei", "2026-11-30"),
                FRAMEWORK.requirements());
        String yaml = LibraryYaml.toString(LibraryDocument.ofFrameworks(List.of(reviewed)));
        assertThat(yaml).contains("reviewed-by:").contains("Li Wei").contains("reviewed-on:");
        LibraryDocument back = LibraryYaml.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(back.frameworks().get(0).provenance().reviewedBy()).isEqualTo("Li Wei");
        assertThat(back.frameworks().get(0).provenance().reviewedOn()).isEqualTo("2026-11-30");
    }

    @Test
    void csvAndXlsxRoundTrip() {
        Map<String, String> fields = Map.of("key", FRAMEWORK.key(), "name", FRAMEWORK.name(), "edition", "2026");
        FrameworkEntry csv = Spreadsheets.readCsv(
                new ByteArrayInputStream(Spreadsheets.writeCsv(FRAMEWORK).getBytes(StandardCharsets.UTF_8)), fields);
        assertThat(csv.requirements())
                .isEqualTo(FRAMEWORK.requirements().stream()
                        .map(r -> new RequirementEntry(
                                r.ref(),
                                r.parent(),
                                r.kind(),
                                r.title(),
                                r.zh(),
                                r.evidence(),
                                r.provenance() == null
                                        ? null
                                        : ProvenanceEntry.unreviewed(
                                                r.provenance().tag(),
                                                r.provenance().source())))
                        .toList());
        FrameworkEntry xlsx =
                Spreadsheets.readXlsx(new ByteArrayInputStream(Spreadsheets.writeXlsx(FRAMEWORK)), Map.of());
        assertThat(xlsx).isEqualTo(FRAMEWORK);
    }

    @Test
    void aCustomersSpreadsheetNeedsOnlyRefAndTitleInAnyOrder() {
        Map<String, String> fields = Map.of("name", "Buyer checklist", "edition", "1");
        FrameworkEntry read = Spreadsheets.readCsv(
                new ByteArrayInputStream(
                        "Title,REF,evidence\nLogs kept,1,E3\nSessions recorded,2,\n".getBytes(StandardCharsets.UTF_8)),
                fields);
        assertThat(read.requirements())
                .extracting(RequirementEntry::ref, RequirementEntry::title, RequirementEntry::evidence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", "Logs kept", List.of("E3")),
                        org.assertj.core.groups.Tuple.tuple("2", "Sessions recorded", List.of()));

        assertThatThrownBy(() -> Spreadsheets.readCsv(
                        new ByteArrayInputStream("ref,title,owner\n1,x,me\n".getBytes(StandardCharsets.UTF_8)), fields))
                .isInstanceOf(RejectedDocumentException.class)
                .satisfies(e -> assertThat(((RejectedDocumentException) e).problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.location()).isEqualTo("csv row 1, column 3");
                            assertThat(p.message()).contains("unknown column 'owner'");
                        }));
        assertThatThrownBy(() -> Spreadsheets.readCsv(
                        new ByteArrayInputStream("ref,kind\n1,x\n".getBytes(StandardCharsets.UTF_8)), fields))
                .isInstanceOf(RejectedDocumentException.class)
                .hasMessageContaining("'title' column");
    }

    @Test
    void oscalCatalogRoundTripsAndValidatesAgainstTheSchema() {
        String json = OscalCatalogs.writeCatalog(
                FRAMEWORK, "9b0f4f52-1b44-4b9c-9a43-6c0e2d6f1a11", ZonedDateTime.parse("2026-11-26T00:00:00Z"));
        assertThat(json).contains("\"oscal-version\" : \"1.1.2\"").contains("r-1.1");
        FrameworkEntry back = OscalCatalogs.readCatalog(json);
        assertThat(back.key()).isEqualTo(FRAMEWORK.key());
        assertThat(back.name()).isEqualTo(FRAMEWORK.name());
        assertThat(back.requirements()).extracting(RequirementEntry::ref).containsExactly("1", "1.1", "A.2");
        assertThat(back.requirements())
                .extracting(RequirementEntry::title)
                .containsExactly("Service levels", "Monthly availability ≥ 99.5 %", "Logs *kept* for 90 days");
        assertThat(back.requirements().get(1).evidence()).containsExactly("E2", "E3");
        assertThat(back.requirements().get(1).zh()).isEqualTo("月度可用性");
        assertThat(back.requirements().get(1).parent()).isEqualTo("1");
    }

    @Test
    void oscalMappingCollectionRoundTrips() {
        MappingEntry entry = new MappingEntry(
                "a@1#5.1",
                "b@2#A.2",
                "subset-of",
                "functional",
                7,
                "high",
                "confirmed",
                "human",
                "why",
                ProvenanceEntry.unreviewed("S", null));
        String json = OscalMappings.write(
                "a to b",
                "a@1",
                "11111111-1111-4111-8111-111111111111",
                "b@2",
                "22222222-2222-4222-8222-222222222222",
                List.of(entry),
                ZonedDateTime.parse("2026-11-26T00:00:00Z"));
        List<MappingEntry> back = OscalMappings.read(
                json,
                href -> href.endsWith("1111")
                        ? Optional.of("a@1")
                        : href.endsWith("2222") ? Optional.of("b@2") : Optional.empty());
        assertThat(back).singleElement().satisfies(m -> {
            assertThat(m.source()).isEqualTo("a@1#r-5.1");
            assertThat(m.target()).isEqualTo("b@2#A.2");
            assertThat(m.relationship()).isEqualTo("subset-of");
            assertThat(m.rationale()).isEqualTo("functional");
            assertThat(m.strength()).isEqualTo(7);
            assertThat(m.confidence()).isEqualTo("high");
            assertThat(m.status()).isEqualTo("confirmed");
        });
    }

    @Test
    void badFilesAreRejectedWithLocations() {
        assertThatThrownBy(() -> OscalCatalogs.readCatalog("{\"catalog\":{\"metadata\":{}}}"))
                .isInstanceOfSatisfying(
                        RejectedDocumentException.class,
                        e -> assertThat(e.errors())
                                .anySatisfy(err -> assertThat(err.location()).isEqualTo("#/catalog")));
        String csv = "ref,parent,kind,title,title_zh,evidence,provenance,source\n1,,,One,,,,\n2,9,,Two,,E12,,\n";
        assertThatThrownBy(() -> Spreadsheets.readCsv(
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                        Map.of("name", "X", "edition", "1")))
                .isInstanceOfSatisfying(
                        RejectedDocumentException.class,
                        e -> assertThat(e.errors())
                                .extracting(err -> err.location())
                                .contains("csv row 3, column parent", "csv row 3, column evidence"));
        String yaml = "format: serviceproof-library/v1\nframeworks:\n  - key: x\n    nmae: typo\n";
        assertThatThrownBy(() -> LibraryYaml.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(
                        RejectedDocumentException.class,
                        e -> assertThat(e.errors().get(0).message()).contains("unknown key 'nmae'"));
    }
}
