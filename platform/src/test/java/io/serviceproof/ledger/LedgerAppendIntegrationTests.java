package io.serviceproof.ledger;

import static io.serviceproof.ActingAs.bearer;
import static io.serviceproof.ledger.LedgerCalls.batch;
import static io.serviceproof.ledger.LedgerCalls.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Appending: idempotency, conflicts, batches, bad input and who may append. */
@SpringBootTest
@AutoConfigureMockMvc
class LedgerAppendIntegrationTests {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    TestTenant tenant;
    String engineer;
    LedgerCalls calls;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "ledger");
        engineer = tenant.token(Role.ENGINEER);
        calls = new LedgerCalls(mvc, json, context, tenant);
    }

    @Test
    void anEventIsAppendedOnceAndRetriesGetTheSameIndex() throws Exception {
        long before = calls.size();
        JsonNode first = calls.append(event("rqi-1", "{\"verdict\":\"pass\",\"score\":0.97}"), 201);
        assertThat(first.get("index").asLong()).isEqualTo(before);
        assertThat(first.get("alreadyPresent").asBoolean()).isFalse();

        // The same event with other whitespace, member order and time-zone offset is the same event.
        String retry = """
                { "payload": {"score": 0.970, "verdict": "pass"}, "type": "inspection.note",
                  "occurredAt": "2026-11-26T10:00:00+02:00", "eventId": "rqi-1", "serviceLayerId": "rqi" }""";
        JsonNode second = calls.append(retry, 200);
        assertThat(second.get("index").asLong()).isEqualTo(before);
        assertThat(second.get("alreadyPresent").asBoolean()).isTrue();
        assertThat(calls.size()).isEqualTo(before + 1);
    }

    @Test
    void theSameEventIdWithOtherContentIsAConflictAndAppendsNothing() throws Exception {
        calls.append(event("rqi-2", "{\"verdict\":\"pass\"}"), 201);
        long before = calls.size();
        mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(engineer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(batch(event("new-1", "{}"), event("rqi-2", "{\"verdict\":\"fail\"}"))))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("rqi-2")));
        assertThat(calls.size()).isEqualTo(before);
        mvc.perform(get("/api/v1/ledger/entries").param("eventId", "new-1").with(bearer(engineer)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aBatchIsSequencedInOrderWithDuplicatesResolved() throws Exception {
        calls.append(event("dup", "{}"), 201);
        long before = calls.size();
        JsonNode results = json.readTree(mvc.perform(post("/api/v1/ledger/entries")
                                .with(bearer(engineer))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(batch(
                                        event("b-1", "{}"),
                                        event("dup", "{}"),
                                        event("b-2", "{}"),
                                        event("b-1", "{}"))))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("results");
        assertThat(results.findValuesAsString("eventId")).containsExactly("b-1", "dup", "b-2", "b-1");
        assertThat(results.get(0).get("index").asLong()).isEqualTo(before);
        assertThat(results.get(1).get("alreadyPresent").asBoolean()).isTrue();
        assertThat(results.get(2).get("index").asLong()).isEqualTo(before + 1);
        assertThat(results.get(3).get("index").asLong()).isEqualTo(before);
        assertThat(calls.size()).isEqualTo(before + 2);
    }

    @Test
    void badEntriesAreClearProblemsAndAppendNothing() throws Exception {
        long before = calls.size();
        expectProblem("{\"eventId\":", 400, "body");
        expectProblem(event("x", "{}").replace("\"type\"", "\"kind\""), 400, "kind");
        expectProblem(event("x", "{}").replace("inspection.note", "Inspection Note"), 400, "type");
        expectProblem(event("x", "{}").replace("2026-11-26T08:00:00Z", "yesterday"), 400, "occurredAt");
        expectProblem(
                event("x", "{}")
                        .replace(
                                "\"payload\"",
                                "\"signature\":{\"format\":\"pgp\",\"keyId\":\"k\",\"sig\":\"AA==\"},\"payload\""),
                400,
                "signature.format");
        expectProblem(event("x", "{\"a\":1,\"a\":2}"), 400, "body");
        expectProblem(event("x", "{\"blob\":\"" + "x".repeat(70_000) + "\"}"), 413, null);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(event("many-" + i, "{}"));
        }
        expectProblem(batch(many.toArray(String[]::new)), 400, "entries");
        assertThat(calls.size()).isEqualTo(before);
    }

    @Test
    void auditorsCannotAppendAndAnonymousCallersCannotRead() throws Exception {
        mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(tenant.token(Role.AUDITOR)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(event("a", "{}")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/ledger/entries")).andExpect(status().isUnauthorized());
        mvc.perform(get("/logs/" + tenant.organisation().slug() + "/checkpoint"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/logs/" + tenant.organisation().slug() + "/checkpoint")
                        .with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(status().isOk());
    }

    private void expectProblem(String body, int status, String field) throws Exception {
        var result = mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(engineer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        if (field != null) {
            result.andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.containsString(field)));
        }
    }

    @org.junit.jupiter.api.Test
    void knownEventTypesMustCarryTheirPayloadAndUnknownOnesAreStoredAsGiven() throws Exception {
        long before = calls.size();
        String valid = "{\"eventId\":\"v-1\",\"type\":\"inspection.verdict\",\"occurredAt\":\"2026-11-26T08:00:00Z\","
                + "\"payload\":{\"verdict\":\"pass\",\"latencyMs\":412}}";
        String invalid = "{\"eventId\":\"v-2\",\"type\":\"inspection.verdict\",\"occurredAt\":\"2026-11-26T08:00:00Z\","
                + "\"payload\":{\"verdict\":\"maybe\"}}";
        expectProblem("{\"entries\":[" + valid + "," + invalid + "]}", 400, "entries[1].payload.verdict");
        expectProblem(
                "{\"eventId\":\"w-1\",\"type\":\"maintenance.announced\",\"occurredAt\":\"2026-11-26T08:00:00Z\","
                        + "\"payload\":{\"windowId\":\"w\",\"startsAt\":\"2026-12-01T02:00:00Z\",\"endsAt\":\"2026-12-01T01:00:00Z\"}}",
                400,
                "payload.endsAt");
        assertThat(calls.size()).as("a refused batch stores nothing").isEqualTo(before);

        calls.append(
                "{\"entries\":[" + valid + ","
                        + "{\"eventId\":\"u-1\",\"type\":\"oven.temperature\",\"occurredAt\":\"2026-11-26T08:00:00Z\","
                        + "\"payload\":{\"celsius\":\"hot\"}}]}",
                201);
        assertThat(calls.size()).isEqualTo(before + 2);
    }

    /**
     * Log ids are given when a log's head is first written. A first append that rolls back must not
     * leave its id remembered: SQLite gives the same id to the next new log, and the two
     * organisations' events would then share one log.
     */
    @Test
    void aFirstAppendThatRollsBackLeavesNoLogIdForAnotherOrganisationToShare() {
        org.springframework.jdbc.core.simple.JdbcClient jdbc =
                context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        Ledger ledger = context.getBean(Ledger.class);
        var first = TestLogs.newOrganisation(jdbc, "rolled-back");
        var second = TestLogs.newOrganisation(jdbc, "next-new");

        context.getBean(org.springframework.transaction.support.TransactionTemplate.class)
                .executeWithoutResult(status -> {
                    ledger.appendAllFor(first, List.of(TestLogs.heartbeat("x-1")));
                    status.setRollbackOnly();
                });
        ledger.appendAllFor(second, List.of(TestLogs.heartbeat("y-1"), TestLogs.heartbeat("y-2")));
        ledger.appendAllFor(first, List.of(TestLogs.heartbeat("x-2")));

        assertThat(TestLogs.eventIds(jdbc, first)).containsExactly("x-2");
        assertThat(TestLogs.eventIds(jdbc, second)).containsExactly("y-1", "y-2");
    }
}
