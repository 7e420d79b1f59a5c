package io.serviceproof.benchmarks;

import io.serviceproof.assessment.Assessments;
import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Requirement;
import io.serviceproof.catalog.exchange.LibraryYaml;
import io.serviceproof.catalog.exchange.Locations;
import io.serviceproof.evidence.EvidenceFields;
import io.serviceproof.evidence.LinkRequest;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Upload;
import io.serviceproof.evidence.Vault;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Recomputing an open assessment from the database: a market whose profile makes a synthetic
 * framework of 2,000 requirements mandatory (besides the starter library), and 500 evidence items
 * linked to 20 requirements each — 10,000 links, half of them approved. Each operation is what
 * opening the assessment page does: gather evidence, links, crosswalk, recognition, layer documents
 * and qualifications, and derive every result with its reasons.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AssessmentBenchmark {

    static final int REQUIREMENTS = 2000;
    static final int ITEMS = 500;
    static final int LINKS_PER_ITEM = 20;
    /** Open assessments in the organisation, for the list. */
    static final int OPEN_ASSESSMENTS = 10;

    private BenchmarkServer server;
    private Actor actor;
    private Assessments assessments;
    private String assessment;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = BenchmarkServer.temporary("assessment");
        actor = server.actorFor("bench");
        assessments = server.bean(Assessments.class);
        Tenancy.runAs(actor, this::load);
    }

    private void load() {
        Catalog catalog = server.bean(Catalog.class);
        String yaml =
                "format: serviceproof-library/v1\nframeworks:\n" + SyntheticCatalog.framework("bench", REQUIREMENTS)
                        + "markets:\n  - code: ZZ\n    name: Benchmark market\n    languages: [en]\n"
                        + "    provenance: {tag: M, source: benchmark}\n"
                        + "    rules:\n      - {framework: bench@1, basis: mandatory, reason: \"benchmark\", provenance: {tag: M}}\n";
        catalog.importDocument(
                LibraryYaml.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))),
                Locations.YAML,
                "benchmark");
        String framework = catalog.frameworks().stream()
                .filter(f -> f.key().equals("bench"))
                .findFirst()
                .orElseThrow()
                .id();
        List<Requirement> requirements = catalog.requirements(framework);
        Vault vault = server.bean(Vault.class);
        for (int i = 0; i < ITEMS; i++) {
            List<LinkRequest> links = new ArrayList<>();
            for (int l = 0; l < LINKS_PER_ITEM; l++) {
                links.add(new LinkRequest(
                        LinkTarget.REQUIREMENT,
                        requirements
                                .get((i * LINKS_PER_ITEM + l) % requirements.size())
                                .id()));
            }
            String id = vault.register(
                            new EvidenceFields(
                                    "Evidence " + i, "E3", null, null, LocalDate.of(2026, 1, 1), null, null, true),
                            new Upload(
                                    "e" + i + ".txt",
                                    "text/plain",
                                    new ByteArrayInputStream(("evidence " + i).getBytes())),
                            links)
                    .item()
                    .id();
            if (i % 2 == 0) {
                vault.approve(id, null);
            }
        }
        Offerings offerings = server.bean(Offerings.class);
        String offering = offerings
                .createOffering("Benchmark offering", "", "", List.of("ZZ"))
                .id();
        String layer = offerings
                .createLayer(offering, "Inspection", null, "ai-remote-quality-inspection", null)
                .id();
        offerings.publish(layer);
        assessment = assessments.create(offering, "ZZ").id();
        for (int i = 1; i < OPEN_ASSESSMENTS; i++) {
            assessments.create(offering, "ZZ");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    @Benchmark
    public Object recompute() {
        return Tenancy.callAs(actor, () -> assessments.view(assessment));
    }

    /** The assessment list (page and API): every open assessment, reading what they share once. */
    @Benchmark
    public Object listOpenAssessments() {
        return Tenancy.callAs(actor, () -> assessments.views(assessments.assessments()));
    }

    /** The list as it was read before: each assessment on its own. */
    @Benchmark
    public Object listOpenAssessmentsOneByOne() {
        return Tenancy.callAs(
                actor,
                () -> assessments.assessments().stream()
                        .map(a -> assessments.view(a.id()))
                        .toList());
    }
}
