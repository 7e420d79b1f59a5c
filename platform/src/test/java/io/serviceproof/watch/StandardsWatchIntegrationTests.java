package io.serviceproof.watch;

import static io.serviceproof.ActingAs.bearer;
import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import io.serviceproof.TestTenant;
import io.serviceproof.assessment.ActionPlans;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Framework;
import io.serviceproof.catalog.recognition.ConformityResult;
import io.serviceproof.evidence.EvidenceFields;
import io.serviceproof.evidence.LinkRequest;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Upload;
import io.serviceproof.evidence.Vault;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Notifications;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
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

/**
 * The standards watch as a compliance manager uses it, against a feed served by a local web server:
 * the scheduled poll turns new items into proposals (once each), an accepted change lists what it
 * makes stale and adds actions and notices, a dismissal keeps its reason, and refused input changes
 * nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StandardsWatchIntegrationTests {

    private static final String ENTRY = """
            <entry><title>%s</title><id>%s</id><link href="https://news.example/%s"/>
            <updated>2026-11-30T00:00:00Z</updated><summary>%s</summary></entry>
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<String> served = new AtomicReference<>();
    private HttpServer server;
    private TestTenant tenant;
    private String owner;

    @BeforeEach
    void setUp() throws Exception {
        tenant = TestTenant.create(context, "watch");
        owner = tenant.token(Role.OWNER);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/news.atom", exchange -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/atom+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        served.set(feed(entry("ISO/IEC 27001 amendment in ballot", "urn:n:1", "Amd 2 ballot opens")));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String feedUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/news.atom";
    }

    private static String entry(String title, String id, String summary) {
        return ENTRY.formatted(title, id, id.replace(':', '-'), summary);
    }

    private static String feed(String... entries) {
        return "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>News</title><id>urn:feed</id>"
                + "<updated>2026-11-30T00:00:00Z</updated>" + String.join("", entries) + "</feed>";
    }

    private <T> T inTenant(Supplier<T> work) {
        return Tenancy.callAs(Actor.system(tenant.organisation().id(), "test"), work::get);
    }

    private JsonNode body(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
        return json.readTree(actions.andReturn().getResponse().getContentAsString());
    }

    @Test
    void shippedItemsAreTrackedFromTheStartWithSourcesAndStages() throws Exception {
        mvc.perform(get("/api/v1/watch/items").with(bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key", hasItem("iso-iec-27018-2025")))
                .andExpect(jsonPath("$[*].key", hasItem("iso-9001-revision")))
                .andExpect(jsonPath("$[?(@.key == 'iso-iec-27018-2025')].lifecycle", hasItem("published")))
                .andExpect(jsonPath("$[?(@.key == 'iso-iec-27018-2025')].origin", hasItem("library")))
                .andExpect(
                        jsonPath("$[?(@.key == 'cn-service-trade-standardization-plan')].provenanceTag", hasItem("W")));
        String id = inTenant(() -> context.getBean(StandardsWatch.class).items().stream()
                .filter(i -> "iso-iec-27018-2025".equals(i.key()))
                .findFirst()
                .orElseThrow()
                .id());
        // The 2019 edition and its replacement are both in the catalog: the impact links the diff.
        mvc.perform(get("/api/v1/watch/items/" + id).with(bearer(owner)))
                .andExpect(jsonPath("$.impact.framework.label").value("ISO/IEC 27018:2019"))
                .andExpect(jsonPath("$.impact.replacement.href", org.hamcrest.Matchers.containsString("/diff?from=")))
                .andExpect(jsonPath("$.impact.requirements").value(4));
    }

    @Test
    void theScheduledPollProposesEachNewItemOnceAndAFeedThatCannotBeReadSaysWhy() throws Exception {
        String feed = body(mvc.perform(post("/api/v1/watch/feeds")
                                .with(bearer(owner))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"Standards news\",\"url\":\"" + feedUrl() + "\"}"))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();

        FeedPolling polling = context.getBean(FeedPolling.class);
        polling.run();
        polling.run();
        mvc.perform(get("/api/v1/watch/proposals").with(bearer(owner)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].title").value("ISO/IEC 27001 amendment in ballot"))
                .andExpect(jsonPath("$[0].status").value("PROPOSED"));

        served.set(feed(
                entry("ISO/IEC 27001 amendment in ballot", "urn:n:1", "Amd 2 ballot opens"),
                entry("Decree on important data", "urn:n:2", "&lt;script&gt;alert(1)&lt;/script&gt;Core data rules")));
        mvc.perform(post("/api/v1/watch/feeds/" + feed + "/poll").with(bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newProposals").value(1))
                .andExpect(jsonPath("$.error").isEmpty());
        mvc.perform(get("/api/v1/watch/proposals").with(bearer(owner)))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[*].summary", hasItem("alert(1) Core data rules")));

        served.set("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><feed>&e;</feed>");
        mvc.perform(post("/api/v1/watch/feeds/" + feed + "/poll").with(bearer(owner)))
                .andExpect(jsonPath("$.newProposals").value(0))
                .andExpect(jsonPath("$.error", org.hamcrest.Matchers.containsString("not a readable Atom or RSS")));
        mvc.perform(get("/api/v1/watch/feeds").with(bearer(owner)))
                .andExpect(jsonPath("$[0].lastError", org.hamcrest.Matchers.containsString("not a readable")));
        mvc.perform(get("/api/v1/watch/proposals").with(bearer(owner)))
                .andExpect(jsonPath("$.length()").value(2));

        // The same address twice, or one that is not http(s), is refused and stores nothing.
        mvc.perform(post("/api/v1/watch/feeds")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Again\",\"url\":\"" + feedUrl() + "\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/watch/feeds")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Local file\",\"url\":\"file:///etc/passwd\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/watch/feeds").with(bearer(owner)))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void anAcceptedChangeListsWhatItMakesStaleAddsActionsAndTellsTheOwners() throws Exception {
        String assessment = inTenant(() -> {
            Catalog catalog = context.getBean(Catalog.class);
            Framework iso = catalog.frameworks().stream()
                    .filter(f -> f.key().equals("iso-iec-27001"))
                    .findFirst()
                    .orElseThrow();
            String logging = catalog.requirements(iso.id()).stream()
                    .filter(r -> r.refId().equals("A.8.15"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            context.getBean(Vault.class)
                    .register(
                            new EvidenceFields(
                                    "ISMS log policy", "E3", null, null, LocalDate.of(2026, 1, 1), null, null, false),
                            new Upload("policy.txt", "text/plain", new ByteArrayInputStream("policy".getBytes())),
                            List.of(new LinkRequest(LinkTarget.REQUIREMENT, logging)));
            catalog.recordConformityResult(
                    new ConformityResult(
                            "result",
                            "certificate",
                            "iso-iec-27001@2022",
                            null,
                            "Remote O&M",
                            "Example CB",
                            null,
                            LocalDate.of(2026, 1, 1),
                            LocalDate.of(2029, 1, 1),
                            "active",
                            List.of()),
                    catalog.recordedHere());
            Offerings offerings = context.getBean(Offerings.class);
            String offering =
                    offerings.createOffering("Line", "", "CNC", List.of("TH")).id();
            return context.getBean(Assessments.class).create(offering, "TH").id();
        });
        String proposal = inTenant(() -> WatchFixtures.proposal(
                context,
                context.getBean(StandardsWatch.class).addFeed("News", feedUrl()).id(),
                "ISO/IEC 27001 revision announced"));

        // Invalid input is refused whole: the proposal stays open, nothing is tracked.
        mvc.perform(post("/api/v1/watch/proposals/" + proposal + "/accept")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"edition\",\"title\":\"x\",\"lifecycle\":\"someday\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(
                        post("/api/v1/watch/proposals/" + proposal + "/accept")
                                .with(bearer(owner))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"kind\":\"edition\",\"title\":\"x\",\"lifecycle\":\"draft\",\"framework\":\"not a ref\"}"))
                .andExpect(status().isBadRequest());
        int tracked =
                inTenant(() -> context.getBean(StandardsWatch.class).items().size());

        JsonNode accepted = body(mvc.perform(post("/api/v1/watch/proposals/" + proposal + "/accept")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"draft-in-ballot","title":"ISO/IEC 27001 revision","lifecycle":"draft",
                                 "framework":"iso-iec-27001@2022","transitionDeadline":"2028-10-31","tag":"S"}
                                """))
                .andExpect(status().isOk()));
        assertThat(accepted.get("actionsAdded").asInt()).isEqualTo(1);
        assertThat(accepted.get("notified").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode impact = accepted.get("impact");
        assertThat(impact.get("requirements").asInt()).isEqualTo(138);
        assertThat(impact.get("evidence").toString())
                .contains("ISMS log policy")
                .contains("A.8.15");
        assertThat(impact.get("assessments").toString()).contains("open: an action is added");
        assertThat(impact.get("certificates").toString()).contains("Example CB").contains("2028-10-31");
        assertThat(accepted.get("item").get("source").asString())
                .as("with no source given, the proposal names where it came from")
                .contains("ISO/IEC 27001 revision announced");
        assertThat(inTenant(() -> context.getBean(StandardsWatch.class).items().size()))
                .isEqualTo(tracked + 1);
        assertThat(inTenant(() -> context.getBean(ActionPlans.class).actions(assessment)))
                .anySatisfy(a -> assertThat(a.title()).contains("ISO/IEC 27001 revision"));
        assertThat(Tenancy.callAs(
                        new Actor(
                                tenant.organisation().id(),
                                Actor.Kind.USER,
                                tenant.user(Role.OWNER).id().toString(),
                                tenant.user(Role.OWNER).email(),
                                Role.OWNER),
                        () -> context.getBean(Notifications.class).mine(10)))
                .anySatisfy(n -> assertThat(n.messageKey()).isEqualTo("notification.watch.accepted"));

        // The dashboard lists the accepted change among what is stale.
        String dashboard = mvc.perform(
                        get("/").with(user(tenant, tenant.user(Role.OWNER))).accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dashboard).contains("id=\"stale-changes\"").contains("ISO/IEC 27001 revision");

        // Decided once: a second acceptance or a dismissal is a conflict and changes nothing.
        mvc.perform(post("/api/v1/watch/proposals/" + proposal + "/dismiss")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"too late\"}"))
                .andExpect(status().isConflict());
        assertThat(inTenant(() -> context.getBean(ActionPlans.class).actions(assessment)))
                .hasSize(1);
    }

    @Test
    void aNewEditionOffersTheOldMappingsAgainWhereClauseIdsCarryOver() throws Exception {
        // A confirmed mapping on 27017:2015 CLD.6.3.1, and a new edition that keeps CLD.6.3.1 but drops CLD.8.1.5.
        String mapping =
                inTenant(() -> context
                        .getBean(Catalog.class)
                        .mappings(java.util.EnumSet.allOf(io.serviceproof.catalog.MappingStatus.class))
                        .stream()
                        .filter(m -> m.target().refId().equals("CLD.6.3.1"))
                        .findFirst()
                        .orElseThrow()
                        .mapping()
                        .id());
        mvc.perform(post("/api/v1/catalog/mappings/" + mapping + "/confirm").with(bearer(owner)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/catalog/frameworks")
                        .with(bearer(owner))
                        .contentType("application/yaml")
                        .content("""
                                format: serviceproof-library/v1
                                frameworks:
                                  - key: iso-iec-27017
                                    name: "ISO/IEC 27017"
                                    edition: "2099"
                                    kind: standard
                                    provenance: {tag: M, source: "test edition"}
                                    requirements:
                                      - {ref: "CLD.6.3.1", kind: control, title: "Shared roles in cloud computing"}
                                """))
                .andExpect(status().isCreated());
        JsonNode tracked = body(mvc.perform(post("/api/v1/watch/items")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"edition","title":"ISO/IEC 27017:2099","lifecycle":"published",
                                 "framework":"iso-iec-27017@2015","replacedBy":"iso-iec-27017@2099","source":"test"}
                                """))
                .andExpect(status().isCreated()));
        assertThat(tracked.get("impact").get("carriedOver").asInt()).isEqualTo(1);
        String item = tracked.get("item").get("id").asString();

        mvc.perform(post("/api/v1/watch/items/" + item + "/migrate-mappings").with(bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proposed").value(1));
        mvc.perform(post("/api/v1/watch/items/" + item + "/migrate-mappings").with(bearer(owner)))
                .andExpect(jsonPath("$.proposed").value(0));
        assertThat(inTenant(() -> context
                        .getBean(Catalog.class)
                        .mappings(java.util.EnumSet.of(io.serviceproof.catalog.MappingStatus.PROPOSED))
                        .stream()
                        .filter(m -> m.targetFramework().edition().equals("2099"))
                        .toList()))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.target().refId()).isEqualTo("CLD.6.3.1");
                    assertThat(m.mapping().method()).isEqualTo("watch-migration");
                });
    }

    @Test
    void aDismissalKeepsItsReasonAndThePagesReadInBothLanguages() throws Exception {
        String proposal = inTenant(() -> WatchFixtures.proposal(
                context,
                context.getBean(StandardsWatch.class)
                        .addFeed("Law firm", feedUrl())
                        .id(),
                "Rail signalling standard revised"));
        var manager = user(tenant, tenant.user(Role.COMPLIANCE_MANAGER));
        mvc.perform(post("/watch/proposals/" + proposal + "/dismiss")
                        .with(manager)
                        .with(csrf())
                        .param("reason", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(inTenant(() ->
                        context.getBean(StandardsWatch.class).proposal(proposal).status()))
                .as("a dismissal needs a reason")
                .isEqualTo(Proposal.Status.PROPOSED);
        mvc.perform(post("/watch/proposals/" + proposal + "/dismiss")
                        .with(manager)
                        .with(csrf())
                        .param("reason", "We sell no rail equipment"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/watch/proposals").with(bearer(owner)))
                .andExpect(jsonPath("$[0].status").value("DISMISSED"))
                .andExpect(jsonPath("$[0].dismissal").value("We sell no rail equipment"));

        String en = mvc.perform(get("/watch").param("lang", "en").with(manager).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en)
                .contains("Standards watch")
                .contains("We sell no rail equipment")
                .contains("ISO/IEC 27018:2025");
        String zh = mvc.perform(
                        get("/watch").param("lang", "zh-CN").with(manager).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zh).contains("标准动态监测").contains("已驳回");

        String item = inTenant(
                () -> context.getBean(StandardsWatch.class).items().get(0).id());
        mvc.perform(get("/watch/items/" + item).with(manager).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk());
        String dashboard = mvc.perform(get("/").with(manager).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dashboard).contains("id=\"standards-watch\"");

        // An engineer reads the watch but may not decide.
        mvc.perform(post("/watch/proposals/" + proposal + "/accept")
                        .with(user(tenant, tenant.user(Role.ENGINEER)))
                        .with(csrf())
                        .param("kind", "law")
                        .param("title", "x")
                        .param("lifecycle", "draft"))
                .andExpect(status().isForbidden());
    }
}
