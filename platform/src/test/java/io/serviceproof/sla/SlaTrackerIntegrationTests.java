package io.serviceproof.sla;

import static io.serviceproof.ActingAs.bearer;
import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.assessment.Result;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LedgerEntry;
import io.serviceproof.services.Offerings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Events logged through the API are followed by the tracker: a missed objective is detected once,
 * logged, sent to the layer's owner, shown on the SLA report and counted as a nonconformity in the
 * offering's assessment.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SlaTrackerIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    SlaTracker tracker;

    TestTenant tenant;
    String offering;
    String layer;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "sla-tracker");
        Offerings offerings = context.getBean(Offerings.class);
        String owner = tenant.user(Role.OWNER).id().value().toString();
        Tenancy.runAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            offering = offerings.createOffering("Line", "", "", List.of("VN")).id();
            layer = offerings
                    .createLayer(offering, "Inspection", "rqi", "ai-remote-quality-inspection", owner)
                    .id();
            offerings.publish(layer);
        });
    }

    private void log(String... entries) throws Exception {
        mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(tenant.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entries\":[" + String.join(",", entries) + "]}"))
                .andExpect(status().isCreated());
    }

    private static String event(String id, String type, Instant at, String payload) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at
                + "\",\"serviceLayerId\":\"rqi\",\"payload\":" + payload + "}";
    }

    private static String[] verdicts(String prefix, int n, Instant at, int latencyMs) {
        String[] events = new String[n];
        for (int i = 0; i < n; i++) {
            events[i] = event(
                    prefix + i,
                    "inspection.verdict",
                    at.plusSeconds(i),
                    "{\"verdict\":\"pass\",\"latencyMs\":" + latencyMs + "}");
        }
        return events;
    }

    private List<SlaBreach> track() {
        return tracker.track(tenant.organisation());
    }

    @Test
    void aClosedMonthsBreachesAreLoggedNotifiedReportedAndCountedOnce() throws Exception {
        Instant october = Instant.parse("2026-10-10T00:00:00Z");
        log(
                event(
                        "i1-open",
                        "incident.opened",
                        october,
                        "{\"incidentId\":\"i1\",\"priority\":\"P1\",\"outage\":true}"),
                // Six hours down; 99.5 % of October allows 223 minutes.
                event("i1-done", "incident.resolved", october.plus(6, ChronoUnit.HOURS), "{\"incidentId\":\"i1\"}"));
        log(verdicts("slow-", 25, october.plus(2, ChronoUnit.DAYS), 1500));
        log(verdicts("fast-", 5, october.plus(3, ChronoUnit.DAYS), 100));

        List<SlaBreach> breaches = track();
        assertThat(breaches).extracting(SlaBreach::sloId).containsExactlyInAnyOrder("availability", "latency-p95");
        assertThat(track())
                .as("each event is fed once; a breach is raised once")
                .isEmpty();

        Ledger ledger = context.getBean(Ledger.class);
        Tenancy.runAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            for (SlaBreach b : breaches) {
                LedgerEntry entry = ledger.entry(b.ledgerIndex());
                assertThat(entry.type()).isEqualTo("sla.breach");
                assertThat(entry.serviceLayerId()).isEqualTo("rqi");
                assertThat(entry.canonicalJson()).contains("\"sloId\":\"" + b.sloId() + "\"", "2026-10-01T00:00:00Z");
            }
        });

        mvc.perform(get("/api/v1/layers/" + layer + "/sla?period=2026-10").with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period.label").value("2026-10"))
                .andExpect(jsonPath("$.events").value(32))
                .andExpect(jsonPath("$.results[?(@.id == 'latency-p95')].value").value(1500.0))
                .andExpect(
                        jsonPath("$.results[?(@.id == 'availability')].status").value("BREACHED"))
                .andExpect(jsonPath("$.breaches.length()").value(2))
                .andExpect(jsonPath("$.breaches[?(@.sloId == 'latency-p95')].measured")
                        .value(1500.0))
                .andExpect(jsonPath("$.daily[?(@.sloId == 'latency-p95')].values.length()")
                        .value(31))
                .andExpect(jsonPath("$.daily[?(@.sloId == 'latency-p95')].values[11]")
                        .value(1500.0))
                .andExpect(jsonPath("$.daily[?(@.sloId == 'latency-p95')].values[12]")
                        .value(100.0));
        // Late events the tracker has not read yet complete its roll-ups; the log, re-read, agrees.
        log(verdicts("late-", 5, october.plus(20, ChronoUnit.DAYS), 100));
        for (String source : new String[] {"auto", "log"}) {
            mvc.perform(get("/api/v1/layers/" + layer + "/sla?period=2026-10&source=" + source)
                            .with(bearer(tenant.token(Role.AUDITOR))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.source").value(source.equals("log") ? "log" : "roll-ups"))
                    .andExpect(jsonPath("$.events").value(37))
                    .andExpect(jsonPath("$.results[?(@.id == 'latency-p95')].value")
                            .value(1500.0))
                    .andExpect(jsonPath("$.results[?(@.id == 'latency-p95')].samples")
                            .value(35))
                    .andExpect(jsonPath("$.results[?(@.id == 'availability')].value")
                            .value(99.194))
                    .andExpect(jsonPath("$.daily[?(@.sloId == 'latency-p95')].values[29]")
                            .value(100.0))
                    .andExpect(jsonPath("$.daily[?(@.sloId == 'availability')].values[9]")
                            .value(75.0));
        }
        mvc.perform(get("/api/v1/layers/" + layer + "/sla?period=2026-W41").with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period.from").value("2026-10-05T00:00:00Z"))
                .andExpect(jsonPath("$.events").value(2));

        String page = mvc.perform(get("/layers/" + layer + "/sla?period=2026-10")
                        .with(user(tenant, tenant.user(Role.ENGINEER)))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"breaches\"", "id=\"chart-latency-p95\"", "<svg", "#dc3545", "2026-09", "2026-11");
        // How each figure was computed reads in the reader's language.
        assertThat(mvc.perform(get("/layers/" + layer + "/sla?period=2026-10&lang=zh-CN")
                                .with(user(tenant, tenant.user(Role.ENGINEER)))
                                .accept(MediaType.TEXT_HTML))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("数值的 p95");
        assertThat(page).contains(" values");
        byte[] pdf = mvc.perform(get("/layers/" + layer + "/sla.pdf?period=2026-10")
                        .with(user(tenant, tenant.user(Role.ENGINEER))))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        // The PDF's charts carry their axes: dates of the month and values in the SLO's unit.
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        com.lowagie.text.pdf.parser.PdfTextExtractor extractor =
                new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(extractor.getTextFromPage(p));
        }
        assertThat(text.toString()).contains("10-01", "latency-p95", " ms");

        String notifications = mvc.perform(get("/notifications")
                        .with(user(tenant, tenant.user(Role.OWNER)))
                        .accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(notifications).contains("SLA breach on Inspection", "2026-10");
    }

    @Test
    void aRunningPeriodBreachesOnlyOnceEnoughSamplesMissTheObjective() throws Exception {
        Instant now = Instant.now();
        Instant monthStart =
                YearMonth.now(ZoneOffset.UTC).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant at = now.minus(1, ChronoUnit.HOURS).isAfter(monthStart) ? now.minus(1, ChronoUnit.HOURS) : monthStart;
        log(verdicts("a-", 10, at, 5000));
        assertThat(track()).as("10 samples are too few to call a running month").isEmpty();
        log(verdicts("b-", 15, at.plusSeconds(100), 5000));
        assertThat(track()).singleElement().satisfies(b -> {
            assertThat(b.sloId()).isEqualTo("latency-p95");
            assertThat(b.measured()).isEqualTo(5000.0);
            assertThat(b.samples()).isEqualTo(25);
        });
        log(verdicts("c-", 5, at.plusSeconds(200), 5000));
        assertThat(track()).isEmpty();

        // The breach is a nonconformity where the market expects an SLA (E2).
        Assessments assessments = context.getBean(Assessments.class);
        Tenancy.runAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            var view = assessments.view(assessments.create(offering, "VN").id());
            var expectingSla = view.results().stream()
                    .filter(r -> r.evidenceTypes().contains("E2"))
                    .toList();
            assertThat(expectingSla).isNotEmpty().allSatisfy(r -> {
                assertThat(r.reasons()).anySatisfy(reason -> {
                    assertThat(reason.kind()).isEqualTo("sla-breach");
                    assertThat(reason.text()).contains("latency", "5000.0");
                });
                assertThat(r.derived()).isNotEqualTo(Result.COMPLIANT);
            });
        });
    }

    @Test
    void badPeriodsAreRefusedAndChangeNothing() throws Exception {
        for (String query : new String[] {
            "period=2026-13",
            "source=cache",
            "period=last-month",
            "from=2026-10-05&to=2026-10-01",
            "from=2025-01-01&to=2026-06-01",
            "from=yesterday"
        }) {
            mvc.perform(get("/api/v1/layers/" + layer + "/sla?" + query).with(bearer(tenant.token(Role.AUDITOR))))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/v1/layers/no-such-layer/sla").with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(status().isNotFound());
        assertThat(LocalDate.now(ZoneOffset.UTC)).isNotNull();
    }
}
