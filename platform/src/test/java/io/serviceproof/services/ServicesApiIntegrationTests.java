package io.serviceproof.services;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Offerings and layers through the API: templates, drafts, publication that proves itself, comparison. */
@SpringBootTest
@AutoConfigureMockMvc
class ServicesApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    TestTenant tenant;
    String manager;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "services");
        manager = tenant.token(Role.COMPLIANCE_MANAGER);
    }

    private JsonNode post(String path, String body) throws Exception {
        return json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private String newLayer() throws Exception {
        String offering = post("/api/v1/offerings", """
                        {"name":"CNC line with AI inspection","hardware":"5-axis CNC line","markets":["vn","TH"]}
                        """).get("id").asString();
        return post("/api/v1/offerings/" + offering + "/layers", """
                        {"name":"AI remote quality inspection","template":"ai-remote-quality-inspection"}
                        """).get("id").asString();
    }

    @Test
    void aPublishedVersionIsTheCanonicalJsonWhoseDigestTheLogHolds() throws Exception {
        String layer = newLayer();
        mvc.perform(get("/api/v1/layers/" + layer).with(bearer(manager)))
                .andExpect(jsonPath("$.code").value("ai-remote-quality-inspection"))
                .andExpect(jsonPath("$.draft.sla.slos[*].id", hasItem("false-accept")))
                .andExpect(jsonPath("$.draftProblems.length()").value(0));

        JsonNode version = post("/api/v1/layers/" + layer + "/publish", "");
        assertThat(version.get("version").asInt()).isEqualTo(1);
        String sha256 = version.get("sha256").asString();

        byte[] canonical = mvc.perform(
                        get("/api/v1/layers/" + layer + "/versions/1").with(bearer(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)))
                .isEqualTo(sha256);
        assertThat(new String(canonical, StandardCharsets.UTF_8))
                .as("canonical: RFC 8785 re-serialises to itself")
                .isEqualTo(
                        io.serviceproof.verifier.json.Json.canonicalize(new String(canonical, StandardCharsets.UTF_8)));

        LedgerEntry entry = Tenancy.callAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> context.getBean(Ledger.class)
                        .entry(version.get("ledgerIndex").asLong()));
        assertThat(entry.type()).isEqualTo("service-layer.version-published");
        assertThat(entry.serviceLayerId()).isEqualTo("ai-remote-quality-inspection");
        assertThat(entry.canonicalJson()).contains(sha256);

        // Nothing changed: nothing to publish.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/layers/" + layer + "/publish")
                        .with(bearer(manager)))
                .andExpect(status().isConflict());
    }

    @Test
    void aDraftIsEditedComparedAndRepublished() throws Exception {
        String layer = newLayer();
        post("/api/v1/layers/" + layer + "/publish", "");
        ObjectNode draft = (ObjectNode)
                json.readTree(mvc.perform(get("/api/v1/layers/" + layer).with(bearer(manager)))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .get("draft");
        ((ObjectNode) draft.get("sla").get("slos").get(0)).put("expression", "availability >= 99.9");
        mvc.perform(put("/api/v1/layers/" + layer + "/draft")
                        .with(bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft.toString()))
                .andExpect(status().isOk());
        post("/api/v1/layers/" + layer + "/publish", "");

        mvc.perform(get("/api/v1/layers/" + layer + "/compare?from=1&to=2").with(bearer(manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].path").value("/sla/slos/0/expression"))
                .andExpect(jsonPath("$[0].before").value("availability >= 99.5"))
                .andExpect(jsonPath("$[0].after").value("availability >= 99.9"));
        mvc.perform(get("/api/v1/layers/" + layer + "/versions/1").with(bearer(manager)))
                .andExpect(content().string(containsString("availability >= 99.5")));
    }

    @Test
    void badDraftsAreRefusedWithLocationsAndChangeNothing() throws Exception {
        String layer = newLayer();
        String before = mvc.perform(get("/api/v1/layers/" + layer).with(bearer(manager)))
                .andReturn()
                .getResponse()
                .getContentAsString();

        mvc.perform(put("/api/v1/layers/" + layer + "/draft")
                        .with(bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sla\":{\"slos\":[{\"id\":\"a\",\"targett\":1}]}}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].location").value("/sla/slos/0/targett"));
        mvc.perform(put("/api/v1/layers/" + layer + "/draft")
                        .with(bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(mvc.perform(get("/api/v1/layers/" + layer).with(bearer(manager)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .isEqualTo(before);

        // A draft may hold an unparsable SLO, but it cannot be published.
        mvc.perform(
                        put("/api/v1/layers/" + layer + "/draft")
                                .with(bearer(manager))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"sla\":{\"slos\":[{\"id\":\"uptime\",\"metric\":\"Uptime\",\"expression\":\"uptime is great\"}]}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.draftProblems[0].location").value("/sla/slos/0/expression"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/layers/" + layer + "/publish")
                        .with(bearer(manager)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].location").value("/sla/slos/0/expression"));
        mvc.perform(get("/api/v1/layers/" + layer).with(bearer(manager)))
                .andExpect(jsonPath("$.latestVersion").value(0));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/offerings")
                        .with(bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\",\"markets\":[\"ATLANTIS\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("markets"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/layers/" + layer + "/publish")
                        .with(bearer(tenant.token(Role.ENGINEER))))
                .andExpect(status().isForbidden());
    }

    @Test
    void crossBorderFlowsNameTheLawsOfTheTargetMarkets() throws Exception {
        String layer = newLayer();
        mvc.perform(get("/api/v1/layers/" + layer + "/cross-border-flows").with(bearer(manager)))
                .andExpect(status().isOk())
                // Only edge (VN) to cloud (CN) crosses a border in the template.
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].from.country").value("VN"))
                // Every Vietnamese data law (PDP, cybersecurity and data localisation, the Law on Data) is
                // engaged and marked as a target market's; the equipment's type-approval regime is not.
                .andExpect(jsonPath(
                        "$[0].laws[?(@.country == 'VN')].targetMarket",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(true))))
                .andExpect(jsonPath(
                        "$[0].laws[?(@.country == 'VN')].label",
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("91/2025"))))
                .andExpect(jsonPath(
                        "$[0].laws[?(@.country == 'VN')].label",
                        org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("QCVN")))))
                .andExpect(jsonPath("$[0].laws[?(@.country == 'CN')].why").value("inbound"));
        mvc.perform(get("/api/v1/layers/" + layer + "/data-flow.svg").with(bearer(manager)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                .andExpect(content().string(containsString("Edge inference box")));

        // Evidence can now be linked to the layer, and is found from it.
        String evidence = json.readTree(mvc.perform(multipart("/api/v1/evidence")
                                .file(new MockMultipartFile(
                                        "file", "model-card.pdf", "application/pdf", ("card " + layer).getBytes()))
                                .param("title", "Model card rqi-3.2.1")
                                .param("type", "E7")
                                .param("layerId", layer)
                                .with(bearer(manager)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
        mvc.perform(get("/api/v1/evidence?layerId=" + layer).with(bearer(manager)))
                .andExpect(jsonPath("$[0].id").value(evidence));
        mvc.perform(multipart("/api/v1/evidence")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", "x".getBytes()))
                        .param("title", "Nowhere")
                        .param("type", "E7")
                        .param("layerId", "no-such-layer")
                        .with(bearer(manager)))
                .andExpect(status().isBadRequest());
    }

    static final String API_V1 = """
            {"openapi":"3.0.3","info":{"title":"Inspection results API","version":"1.0.0"},
             "paths":{
               "/inspections/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                 "responses":{"200":{"description":"A verdict"}}}},
               "/lots/{lot}/report":{"get":{"parameters":[{"name":"lot","in":"path","required":true,"schema":{"type":"string"}}],
                 "responses":{"200":{"description":"A lot report"}}}}}}
            """;

    @Test
    void apiContractsAreValidatedVersionedAndCheckedForBreakingChanges() throws Exception {
        String layer = newLayer();
        JsonNode first = post("/api/v1/layers/" + layer + "/api-contracts", API_V1);
        assertThat(first.at("/contract/version").asInt()).isEqualTo(1);
        assertThat(first.at("/contract/operations").asInt()).isEqualTo(2);
        assertThat(first.at("/changes/breaking").asBoolean()).isFalse();

        // v2 drops the lot report: clients that used it break.
        String v2 = API_V1.replace("1.0.0", "2.0.0")
                .replaceAll("(?s),\\s*\"/lots/\\{lot\\}/report\".*\\}\\}\\}\\}\\}", "}}");
        JsonNode second =
                json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/v1/layers/" + layer + "/api-contracts")
                                .with(bearer(manager))
                                .contentType("application/yaml")
                                .content(v2))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(second.at("/changes/breaking").asBoolean()).isTrue();
        assertThat(second.at("/changes/removed/0").asString()).isEqualTo("GET /lots/{lot}/report");
        String sha = second.at("/contract/sha256").asString();

        mvc.perform(get("/api/v1/layers/" + layer + "/api-contracts/2/diff?from=1")
                        .with(bearer(manager)))
                .andExpect(jsonPath("$.breaking").value(true))
                .andExpect(jsonPath("$.removed[0]").value("GET /lots/{lot}/report"));
        byte[] stored = mvc.perform(
                        get("/api/v1/layers/" + layer + "/api-contracts/2").with(bearer(manager)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)))
                .isEqualTo(sha);
        mvc.perform(get("/api/v1/layers/" + layer).with(bearer(manager)))
                .andExpect(jsonPath("$.draft.apiContract.version").value(2))
                .andExpect(jsonPath("$.draft.apiContract.sha256").value(sha));

        for (String bad : List.of(
                "{\"openapi\":\"3.0.3\",\"paths\":{}}",
                "{\"swagger\":\"2.0\",\"info\":{\"title\":\"x\",\"version\":\"1\"},\"paths\":{}}",
                API_V1.replace(
                        "\"A verdict\"}}",
                        "\"A verdict\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"http://169.254.169.254/latest\"}}}}}"),
                "not: [an, openapi")) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                    "/api/v1/layers/" + layer + "/api-contracts")
                            .with(bearer(manager))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(bad))
                    .andExpect(status().isUnprocessableEntity());
        }
        mvc.perform(get("/api/v1/layers/" + layer + "/api-contracts").with(bearer(manager)))
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void slosTravelAsOpenSlo() throws Exception {
        String layer = newLayer();
        String yaml = mvc.perform(get("/api/v1/layers/" + layer + "/openslo").with(bearer(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("query: \"p95(latency_ms)\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String tightened = yaml.replace("value: 1000", "value: 800");
        mvc.perform(put("/api/v1/layers/" + layer + "/openslo")
                        .with(bearer(manager))
                        .contentType("application/yaml")
                        .content(tightened))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.draft.sla.slos[1].expression").value("p95(latency_ms) <= 800"))
                .andExpect(jsonPath("$.draft.sla.contentAreas.availability").exists());
        mvc.perform(
                        put("/api/v1/layers/" + layer + "/openslo")
                                .with(bearer(manager))
                                .contentType("application/yaml")
                                .content(
                                        "apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: x}\nspec:\n  indicator: {spec: {thresholdMetric: {metricSource: {spec: {query: 'rate(x) per hour'}}}}}\n  objectives: [{op: lte, value: 3}]\n"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].location").value("document 1 spec.indicator"));
        mvc.perform(get("/api/v1/layers/" + layer).with(bearer(manager)))
                .andExpect(jsonPath("$.draft.sla.slos[1].expression").value("p95(latency_ms) <= 800"));
    }
}
