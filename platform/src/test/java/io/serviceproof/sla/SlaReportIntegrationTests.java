package io.serviceproof.sla;

import static io.serviceproof.ActingAs.bearer;
import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A producer logs inspection events for a layer; its SLA report measures them and names the entries. */
@SpringBootTest
@AutoConfigureMockMvc
class SlaReportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    TestTenant tenant;
    String layer;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "sla");
        Offerings offerings = context.getBean(Offerings.class);
        layer = Tenancy.callAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            String id = offerings
                    .createLayer(
                            offerings
                                    .createOffering("Line", "", "", List.of("VN"))
                                    .id(),
                            "Inspection",
                            "rqi",
                            "ai-remote-quality-inspection",
                            null)
                    .id();
            offerings.publish(id);
            return id;
        });
    }

    @Test
    void loggedEventsBecomeMeasuredObjectivesWithTheirEntries() throws Exception {
        StringBuilder batch = new StringBuilder("{\"entries\":[");
        for (int i = 0; i < 20; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"eventId\":\"v-")
                    .append(i)
                    .append(
                            "\",\"type\":\"inspection.verdict\",\"occurredAt\":\"2026-10-02T08:00:00Z\",\"serviceLayerId\":\"rqi\",")
                    .append("\"payload\":{\"verdict\":\"pass\",\"latencyMs\":")
                    .append(200 + i * 50)
                    .append("}}");
        }
        batch.append(",{\"eventId\":\"r-1\",\"type\":\"inspection.review\",\"occurredAt\":\"2026-10-03T08:00:00Z\",")
                .append(
                        "\"serviceLayerId\":\"rqi\",\"payload\":{\"truth\":\"good\",\"verdict\":\"fail\",\"reviewMinutes\":9}}")
                .append(
                        ",{\"eventId\":\"other\",\"type\":\"inspection.verdict\",\"occurredAt\":\"2026-10-02T08:00:00Z\",")
                .append(
                        "\"serviceLayerId\":\"another-layer\",\"payload\":{\"verdict\":\"pass\",\"latencyMs\":99999}}]}");
        mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(tenant.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(batch.toString()))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/layers/" + layer + "/sla?from=2026-10-01&to=2026-11-01")
                        .with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events").value(21))
                .andExpect(jsonPath("$.results[?(@.id == 'latency-p95')].value").value(1100.0))
                .andExpect(
                        jsonPath("$.results[?(@.id == 'latency-p95')].status").value("BREACHED"))
                .andExpect(jsonPath("$.results[?(@.id == 'latency-p95')].entries.length()")
                        .value(20))
                .andExpect(
                        jsonPath("$.results[?(@.id == 'false-reject')].value").value(100.0))
                // One review is little to go on: the 95 % interval runs from 20.655 % to 100 %.
                .andExpect(jsonPath("$.results[?(@.id == 'false-reject')].low").value(20.655))
                .andExpect(jsonPath("$.results[?(@.id == 'false-reject')].high").value(100.0))
                .andExpect(
                        jsonPath("$.results[?(@.id == 'human-review')].status").value("MET"))
                .andExpect(
                        jsonPath("$.results[?(@.id == 'availability')].value").value(100.0));

        String page = mvc.perform(get("/layers/" + layer + "/sla")
                        .param("from", "2026-10-01")
                        .param("to", "2026-11-01")
                        .param("lang", "zh-CN")
                        .with(user(tenant, tenant.user(Role.ENGINEER)))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("未达标", "达标", "/ledger/entries/");
        // A missed objective with no breach recorded by the tracker is said as such, not as "no breach".
        assertThat(page).contains("尚未在日志中为此期间记录违约").doesNotContain("本期间未检测到违约");

        // Without a period the page opens on the last closed month, not the partial current one.
        String defaultPage = mvc.perform(get("/layers/" + layer + "/sla")
                        .with(user(tenant, tenant.user(Role.ENGINEER)))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(defaultPage)
                .contains(
                        ">" + java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1) + "</span>");
        mvc.perform(get("/api/v1/layers/" + layer + "/sla?from=2026-11-01&to=2026-10-01")
                        .with(bearer(tenant.token(Role.OWNER))))
                .andExpect(status().isBadRequest());
    }
}
