package io.serviceproof.benchmarks;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Requirement;
import io.serviceproof.catalog.exchange.Locations;
import io.serviceproof.evidence.EvidenceFields;
import io.serviceproof.evidence.LinkRequest;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Upload;
import io.serviceproof.evidence.Vault;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.tender.Tender;
import io.serviceproof.tender.Tenders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * Issue 20's speed target: a 2,000-clause tender (English, Chinese and Vietnamese lines) imported
 * and matched, end to end, against the starter library plus 20,000 synthetic requirements and 5,000
 * evidence items: read, kept, clauses stored, the organisation's knowledge read and indexed, every
 * clause matched and its suggestions saved in batches, as the background run does it. Single shot:
 * {@code benchmarks/run TenderMatchingBenchmark -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TenderMatchingBenchmark {

    static final int FRAMEWORKS = 20;
    static final int REQUIREMENTS = 1000;
    static final int EVIDENCE = 5000;
    static final int CLAUSES = 2000;

    private static final List<String> VIETNAMESE = List.of(
            "nhật ký kiểm toán",
            "truy cập từ xa",
            "sao lưu",
            "mã hóa",
            "tính khả dụng",
            "xử lý sự cố",
            "đào tạo",
            "quản lý bản vá",
            "dữ liệu cá nhân",
            "bảo trì từ xa",
            "quản lý thay đổi",
            "đánh giá rủi ro");

    private BenchmarkServer server;
    private Actor actor;
    private Tenders tenders;
    private byte[] tender;
    private int run;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = BenchmarkServer.temporary("tenders");
        actor = server.actorFor("bench");
        tenders = server.bean(Tenders.class);
        Tenancy.runAs(actor, this::load);
        tender = clauses(new Random(20)).getBytes(StandardCharsets.UTF_8);
    }

    private void load() {
        Catalog catalog = server.bean(Catalog.class);
        List<String> frameworks = new ArrayList<>();
        for (int i = 0; i < FRAMEWORKS; i++) {
            frameworks.add(SyntheticCatalog.framework("tender-" + i, REQUIREMENTS));
        }
        catalog.importDocument(SyntheticCatalog.document(frameworks, List.of()), Locations.YAML, "benchmark");
        List<Requirement> requirements = catalog.allRequirements();
        Vault vault = server.bean(Vault.class);
        Random random = new Random(5);
        for (int i = 0; i < EVIDENCE; i++) {
            String title = "Evidence " + i + ": " + words(SyntheticCatalog.ENGLISH, 4, random);
            String id = vault.register(
                            new EvidenceFields(
                                    title, "E" + (1 + i % 9), null, null, LocalDate.of(2026, 1, 1), null, null, true),
                            new Upload(
                                    "e" + i + ".txt",
                                    "text/plain",
                                    new ByteArrayInputStream(title.getBytes(StandardCharsets.UTF_8))),
                            List.of(new LinkRequest(
                                    LinkTarget.REQUIREMENT,
                                    requirements.get(i % requirements.size()).id())))
                    .item()
                    .id();
            if (i % 2 == 0) {
                vault.approve(id, null);
            }
        }
    }

    /** 2,000 lines: two in three English, the rest Chinese and Vietnamese, numbered as buyers do. */
    static String clauses(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= CLAUSES; i++) {
            text.append(i / 100 + 1).append('.').append(i % 100 + 1).append(' ');
            switch (i % 6) {
                case 4 ->
                    text.append("供应商应提供")
                            .append(words(SyntheticCatalog.CHINESE, 3, random).replace(" ", ""))
                            .append("，并在4小时内响应。");
                case 5 ->
                    text.append("Nhà thầu phải đảm bảo ")
                            .append(VIETNAMESE.get(random.nextInt(VIETNAMESE.size())))
                            .append(" và ")
                            .append(VIETNAMESE.get(random.nextInt(VIETNAMESE.size())))
                            .append(" đạt 99,5% mỗi tháng.");
                default ->
                    text.append("The supplier shall provide ")
                            .append(words(SyntheticCatalog.ENGLISH, 5, random))
                            .append(" within 4 hours and document it.");
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String words(List<String> vocabulary, int count, Random random) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return String.join(" ", words);
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    /** Import, then wait until the background run has matched every clause. */
    @Benchmark
    public Tender importAndMatch() throws InterruptedException {
        String id = Tenancy.callAs(
                        actor,
                        () -> tenders.importList(
                                new Tenders.NewTender("Benchmark tender " + run++, null, null, "tender.txt", tender)))
                .id();
        while (true) {
            Tender t = Tenancy.callAs(actor, () -> tenders.tender(id));
            if (t.status().finished()) {
                if (t.status() != Tender.Status.DONE || t.matched() != CLAUSES) {
                    throw new IllegalStateException("matching ended " + t.status() + " after " + t.matched());
                }
                return t;
            }
            Thread.sleep(50);
        }
    }
}
