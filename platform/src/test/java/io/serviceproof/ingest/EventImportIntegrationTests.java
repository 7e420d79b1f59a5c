package io.serviceproof.ingest;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.common.blobs.BlobStore;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.EntrySearch;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LedgerEntry;
import io.serviceproof.services.Offerings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19, bulk import: files of historical events are logged in the background with progress; a
 * bad line either refuses the whole file before anything is logged or is reported and skipped, as the
 * importer chose; CSV columns are mapped by header name and typed by the event vocabulary; an import
 * interrupted midway resumes after its last saved line and logs nothing twice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EventImportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    TestTenant tenant;
    String engineer;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "imports");
        engineer = tenant.token(Role.ENGINEER);
        Tenancy.runAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            Offerings offerings = context.getBean(Offerings.class);
            String offering =
                    offerings.createOffering("Line", "", "", List.of("VN")).id();
            offerings.createLayer(offering, "Remote inspection", "rqi", "ai-remote-quality-inspection", null);
        });
    }

    @Test
    void aJsonLinesFileIsLoggedInTheBackgroundAndImportingItAgainLogsNothingTwice() throws Exception {
        byte[] file = jsonLines(1_234, "hist");

        JsonNode first = awaitFinished(start(file, "events.jsonl", Map.of()));

        assertThat(first.get("status").asString()).isEqualTo("done");
        assertThat(first.get("percent").asInt()).isEqualTo(100);
        assertThat(first.get("logged").asLong()).isEqualTo(1_234);
        assertThat(first.get("refused").asLong()).isZero();
        assertThat(first.get("linesDone").asLong()).isEqualTo(1_234);
        assertThat(countOfType("plant.counter")).isEqualTo(1_234);
        assertThat(logged("hist-0777")).hasSize(1);

        JsonNode again = awaitFinished(start(file, "events-again.jsonl", Map.of()));
        assertThat(again.get("logged").asLong()).isZero();
        assertThat(again.get("alreadyPresent").asLong()).isEqualTo(1_234);
        assertThat(countOfType("plant.counter")).isEqualTo(1_234);
    }

    @Test
    void aBadLineRefusesTheWholeFileBeforeAnythingOfItIsLogged() throws Exception {
        byte[] file = withBadLines(jsonLines(300, "strict"));

        JsonNode refused = awaitFinished(start(file, "strict.jsonl", Map.of("onBadLine", "refuse-file")));

        assertThat(refused.get("status").asString()).isEqualTo("refused");
        assertThat(refused.get("logged").asLong()).isZero();
        assertThat(refused.get("refused").asLong()).isEqualTo(5);
        assertThat(lines(refused)).containsExactly(50L, 100L, 150L, 200L, 250L);
        assertThat(refused.at("/problems/0/field").asString()).isEqualTo("type");
        assertThat(countOfType("plant.counter")).isZero();
        assertThat(logged("strict-0001")).isEmpty();
    }

    @Test
    void reportedBadLinesAreNamedAndSkippedWhileEveryGoodLineIsLogged() throws Exception {
        byte[] file = withBadLines(jsonLines(300, "lenient"));

        JsonNode done = awaitFinished(start(file, "lenient.jsonl", Map.of("onBadLine", "report-line")));

        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.get("logged").asLong()).isEqualTo(295);
        assertThat(done.get("refused").asLong()).isEqualTo(5);
        assertThat(lines(done)).containsExactly(50L, 100L, 150L, 200L, 250L);
        assertThat(countOfType("plant.counter")).isEqualTo(295);
        assertThat(logged("lenient-0050")).isEmpty();
        assertThat(logged("lenient-0051")).hasSize(1);
    }

    @Test
    void csvColumnsAreMappedByHeaderNameAndTypedByTheEventVocabulary() throws Exception {
        String csv = """
                occurred_at,id,partId,verdict,latencyMs,station
                2026-10-01T08:00:00Z,v-1,00123,pass,41.5,"Line 2, cell A"
                2026-10-01T08:00:01Z,v-2,00124,maybe,40,Line 2
                2026-10-01T08:00:02Z,v-3,00125,fail,fast,Line 2
                2026-10-01T08:00:03Z,v-4,00126,fail
                2026-10-01T08:00:04Z,v-5,00127,fail,39,Line 2
                """;
        JsonNode done = awaitFinished(start(
                csv.getBytes(StandardCharsets.UTF_8),
                "verdicts.csv",
                Map.of(
                        "onBadLine", "report-line",
                        "occurredAtColumn", "occurred_at",
                        "eventIdColumn", "id",
                        "type", "inspection.verdict",
                        "serviceLayerId", "rqi")));

        assertThat(done.get("logged").asLong()).isEqualTo(2);
        assertThat(lines(done)).containsExactly(3L, 4L, 5L);
        assertThat(done.at("/problems/0/field").asString()).isEqualTo("payload.verdict");
        assertThat(done.at("/problems/1/field").asString()).isEqualTo("payload.latencyMs");
        assertThat(done.at("/problems/2/field").asString()).isEqualTo("row");
        LedgerEntry first = logged("v-1").get(0);
        assertThat(first.type()).isEqualTo("inspection.verdict");
        assertThat(first.serviceLayerId()).isEqualTo("rqi");
        assertThat(new String(first.canonical(), StandardCharsets.UTF_8))
                .contains("\"partId\":\"00123\"", "\"latencyMs\":41.5", "\"station\":\"Line 2, cell A\"");
    }

    @Test
    void aHeaderWithoutTheMappedColumnRefusesTheFileAndAMappingWithoutTimeIsRefusedAtOnce() throws Exception {
        byte[] csv = "when,verdict\n2026-10-01T08:00:00Z,pass\n".getBytes(StandardCharsets.UTF_8);
        JsonNode refused = awaitFinished(
                start(csv, "verdicts.csv", Map.of("occurredAtColumn", "occurred_at", "type", "inspection.verdict")));
        assertThat(refused.get("status").asString()).isEqualTo("refused");
        assertThat(refused.at("/problems/0/field").asString()).isEqualTo("header");
        assertThat(refused.at("/problems/0/message").asString()).contains("occurred_at");

        mvc.perform(upload(csv, "verdicts.csv", Map.of("type", "inspection.verdict")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("occurredAtColumn"));
        mvc.perform(upload(new byte[0], "empty.jsonl", Map.of())).andExpect(status().isBadRequest());
        mvc.perform(upload(csv, "x.txt", Map.of("format", "xml"))).andExpect(status().isBadRequest());
        mvc.perform(upload(csv, "x.csv", Map.of("occurredAtColumn", "when")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(multipart("/api/v1/event-imports")
                        .file(new MockMultipartFile("file", "e.jsonl", "application/x-ndjson", jsonLines(1, "a")))
                        .with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(status().isForbidden());
    }

    @Test
    void hostileLinesAreEachReportedAndNothingElseOfThemIsLogged() throws Exception {
        List<byte[]> lines = new ArrayList<>();
        lines.add(line("h-1"));
        lines.add(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}); // not UTF-8
        lines.add(("{\"blob\":\"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8)); // too long
        lines.add(("{\"entries\":[" + new String(line("h-3"), StandardCharsets.UTF_8) + "]}")
                .getBytes(StandardCharsets.UTF_8)); // a batch, not an entry
        lines.add("{\"eventId\":\"h-4\",\"type\":\"device.registered\",\"occurredAt\":\"2026-10-01T08:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8)); // a device key is registered, never imported
        lines.add("   ".getBytes(StandardCharsets.UTF_8)); // blank: skipped, not a problem
        lines.add(line("h-6"));
        byte[] file = join(lines);

        JsonNode done = awaitFinished(start(file, "hostile.jsonl", Map.of("onBadLine", "report-line")));

        assertThat(done.get("logged").asLong()).isEqualTo(2);
        assertThat(lines(done)).containsExactly(2L, 3L, 4L, 5L);
        assertThat(logged("h-3")).isEmpty();
        assertThat(logged("h-4")).isEmpty();
        assertThat(logged("h-6")).hasSize(1);
    }

    @Test
    void anImportInterruptedMidwayResumesAfterItsLastSavedLineAndLogsNothingTwice() throws Exception {
        byte[] file = jsonLines(2_000, "resume");
        // As a node that died would leave it: lines 1-1,000 are in the log, but the progress it saved
        // last says 700, and its heartbeat stopped two minutes ago.
        Tenancy.runAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            var drafts = new ArrayList<io.serviceproof.ledger.EntryDraft>();
            for (String l : new String(file, StandardCharsets.UTF_8)
                    .lines()
                    .limit(1_000)
                    .toList()) {
                drafts.addAll(io.serviceproof.ledger.EntryJson.parseRequest(l).drafts());
            }
            context.getBean(Ledger.class).appendAll(drafts);
        });
        BlobStore blobs = context.getBean(BlobStore.class);
        BlobStore.Staged staged = blobs.stage(new ByteArrayInputStream(file), Long.MAX_VALUE);
        blobs.keep(staged);
        long stale = Instant.now().minus(Duration.ofMinutes(2)).toEpochMilli();
        context.getBean(JdbcClient.class)
                .sql("""
                        INSERT INTO event_imports (id, organisation_id, name, format, on_bad_line, sha256, total_bytes,
                            status, phase, bytes_read, lines_done, logged, created_by, created_at, updated_at)
                        VALUES ('interrupted-import', :org, 'resume.jsonl', 'JSONL', 'REPORT_LINE', :sha, :size,
                            'RUNNING', 'LOGGING', 1000, 700, 700, 'engineer', :at, :at)
                        """)
                .param("org", tenant.organisation().id().toString())
                .param("sha", staged.sha256())
                .param("size", staged.size())
                .param("at", stale)
                .update();

        context.getBean(ImportWorker.class).sweep();
        context.getBean(ImportWorker.class).sweep(); // a second sweep (another node's) must not run it again
        JsonNode done = awaitFinished("/api/v1/event-imports/interrupted-import");

        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.get("alreadyPresent").asLong()).isEqualTo(300);
        assertThat(done.get("logged").asLong()).isEqualTo(700 + 1_000);
        assertThat(countOfType("plant.counter")).isEqualTo(2_000);
        for (String id : List.of("resume-0001", "resume-0700", "resume-0701", "resume-1000", "resume-1001")) {
            assertThat(logged(id)).as(id).hasSize(1);
        }
    }

    @Test
    void theImportPageSaysABadLineInTheReadersLanguage() throws Exception {
        String csv = "occurred_at,verdict\n2026-10-01T08:00:00Z,pass\nyesterday,pass\n";
        JsonNode done = awaitFinished(start(
                csv.getBytes(StandardCharsets.UTF_8),
                "verdicts.csv",
                Map.of("onBadLine", "report-line", "occurredAtColumn", "occurred_at", "type", "inspection.verdict")));
        String html = mvc.perform(get("/ingest/imports/" + done.get("id").asString())
                        .param("lang", "zh-CN")
                        .with(io.serviceproof.ActingAs.user(tenant, tenant.user(Role.ENGINEER))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var page = org.jsoup.Jsoup.parse(html);
        assertThat(page.select("#import-problems td").eachText())
                .contains("3", "应为 RFC 3339 时间（例如 2026-11-26T08:00:00Z），而不是 yesterday");
        assertThat(page.select("#import-progress").attr("hx-get")).isEmpty();
        assertThat(page.text()).contains("已完成", "错误行");
    }

    @Test
    void anotherOrganisationNeitherSeesNorRetriesAnImport() throws Exception {
        JsonNode done = awaitFinished(start(jsonLines(3, "mine"), "mine.jsonl", Map.of()));
        TestTenant other = TestTenant.create(context, "imports-other");
        mvc.perform(get("/api/v1/event-imports/" + done.get("id").asString()).with(bearer(other.token(Role.OWNER))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/event-imports").with(bearer(other.token(Role.OWNER))))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/event-imports/" + done.get("id").asString() + "/retry")
                        .with(bearer(other.token(Role.OWNER))))
                .andExpect(status().isNotFound());
    }

    // --- helpers

    private String start(byte[] file, String name, Map<String, String> params) throws Exception {
        return mvc.perform(upload(file, name, params))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/event-imports/")))
                .andReturn()
                .getResponse()
                .getHeader("Location");
    }

    private MockMultipartHttpServletRequestBuilder upload(byte[] file, String name, Map<String, String> params) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/event-imports")
                .file(new MockMultipartFile("file", name, "application/octet-stream", file));
        params.forEach(request::param);
        request.with(bearer(engineer));
        return request;
    }

    private JsonNode awaitFinished(String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode state = json.readTree(mvc.perform(get(location).with(bearer(engineer)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            String status = state.get("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                return state;
            }
            assertThat(System.nanoTime()).as("import finished within a minute").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static List<Long> lines(JsonNode state) {
        List<Long> lines = new ArrayList<>();
        state.get("problems").forEach(p -> lines.add(p.get("line").asLong()));
        return lines;
    }

    private static byte[] jsonLines(int count, String prefix) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new String(line(String.format("%s-%04d", prefix, i)), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n", "", "\n"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] line(String eventId) {
        return ("{\"eventId\":\"" + eventId + "\",\"type\":\"plant.counter\",\"occurredAt\":\"2026-10-01T08:00:00Z\","
                        + "\"serviceLayerId\":\"rqi\",\"payload\":{\"count\":1}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Lines 50, 100, 150, 200 and 250 broken in five different ways. */
    private static byte[] withBadLines(byte[] file) {
        List<String> lines =
                new ArrayList<>(new String(file, StandardCharsets.UTF_8).lines().toList());
        lines.set(49, "{\"eventId\":\"bad-50\",\"occurredAt\":\"2026-10-01T08:00:00Z\"}");
        lines.set(99, "not json at all");
        lines.set(149, "{\"eventId\":\"bad-150\",\"type\":\"plant.counter\",\"occurredAt\":\"yesterday\"}");
        lines.set(
                199,
                "{\"eventId\":\"bad-200\",\"type\":\"inspection.verdict\",\"occurredAt\":"
                        + "\"2026-10-01T08:00:00Z\",\"payload\":{\"verdict\":\"maybe\"}}");
        lines.set(249, "[1,2,3]");
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] join(List<byte[]> lines) {
        var out = new java.io.ByteArrayOutputStream();
        lines.forEach(l -> {
            out.writeBytes(l);
            out.write('\n');
        });
        return out.toByteArray();
    }

    private List<LedgerEntry> logged(String eventId) {
        return Tenancy.callAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> context.getBean(Ledger.class).search(new EntrySearch(eventId, null, null, Long.MAX_VALUE, 10)));
    }

    private long countOfType(String type) {
        return Tenancy.callAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            Ledger ledger = context.getBean(Ledger.class);
            long count = 0;
            long before = Long.MAX_VALUE;
            while (true) {
                List<LedgerEntry> page =
                        ledger.search(new EntrySearch(null, type, null, before, EntrySearch.MAX_LIMIT));
                count += page.size();
                if (page.size() < EntrySearch.MAX_LIMIT) {
                    return count;
                }
                before = page.get(page.size() - 1).index();
            }
        });
    }
}
