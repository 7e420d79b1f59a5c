package io.serviceproof;

import static io.serviceproof.ActingAs.bearer;
import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The isolation matrix: for every endpoint of the application, a user or token of organisation A
 * gets 404 for any id of organisation B, lists never show B's rows, and nothing A does changes B.
 * {@link #everyEndpointIsInTheMatrix()} fails when an endpoint is added without a row here.
 * The matrix sends thousands of requests as one client within a minute; the per-client read limit
 * (tested in {@code RateLimitIntegrationTests}) is raised so that it never answers in place of the
 * endpoint under test.
 */
@SpringBootTest(
        properties = {
            "serviceproof.rate-limits.reads.requests=1000000",
            "serviceproof.rate-limits.writes.requests=1000000"
        })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    TestTenant a;
    TestTenant b;
    CatalogIds aCatalog;
    CatalogIds bCatalog;
    int counter;

    @BeforeAll
    void twoOrganisations() throws Exception {
        a = TestTenant.create(context, "alpha");
        b = TestTenant.create(context, "bravo");
        // B has trail entries of its own (its set-up), so the trail lists have something to leak,
        // and a longer log than A, so that some of B's log positions do not exist in A's.
        StringBuilder batch = new StringBuilder("{\"entries\":[");
        for (int i = 0; i < 40; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"eventId\":\"")
                    .append(B_EVENT)
                    .append(i)
                    .append("\",\"type\":\"heartbeat\",\"occurredAt\":\"2026-11-26T00:00:00Z\"}");
        }
        mvc.perform(request(HttpMethod.POST, "/api/v1/ledger/entries")
                        .with(bearer(b.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(batch.append("]}").toString()))
                .andExpect(status().isCreated());
        mvc.perform(request(HttpMethod.POST, "/api/v1/ledger/entries")
                        .with(bearer(a.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"eventId\":\"" + A_EVENT
                                + "\",\"type\":\"heartbeat\",\"occurredAt\":\"2026-11-26T00:00:00Z\"}"))
                .andExpect(status().isCreated());
        aCatalog = CatalogIds.of(context, a);
        bCatalog = CatalogIds.of(context, b);
        for (TestTenant tenant : List.of(a, b)) {
            mvc.perform(request(HttpMethod.POST, "/api/v1/ledger/checkpoints")
                            .with(bearer(tenant.token(Role.ENGINEER))))
                    .andExpect(status().isCreated());
            // Each log states a witness policy (its log line names the organisation's own origin).
            mvc.perform(request(HttpMethod.PUT, "/api/v1/ledger/witness-policy")
                            .with(bearer(tenant.token(Role.OWNER)))
                            .contentType(MediaType.TEXT_PLAIN)
                            .content("quorum none\n"))
                    .andExpect(status().isOk());
        }
    }

    private static final String A_EVENT = "alpha-only-event";
    private static final String B_EVENT = "bravo-only-event-";

    @Test
    void everyEndpointIsInTheMatrix() {
        Set<String> declared = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("io.serviceproof")) {
                continue;
            }
            for (String path : mapping.getKey().getPatternValues()) {
                mapping.getKey()
                        .getMethodsCondition()
                        .getMethods()
                        .forEach(method -> declared.add(method + " " + path));
            }
        }
        Set<String> covered = IsolationCases.all().stream()
                .map(IsolationCases.Case::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).as("every endpoint needs an isolation case").containsAll(declared);
        assertThat(declared).as("no stale isolation cases").containsAll(covered);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.serviceproof.IsolationCases#all")
    void organisationACannotReachOrganisationB(IsolationCases.Case endpoint) throws Exception {
        switch (endpoint.kind()) {
            case FOREIGN_ID -> foreignIdIsNotFound(endpoint);
            case LIST -> listShowsOnlyOwnRows(endpoint);
            case OWN_ORGANISATION -> showsOwnOrganisationOnly(endpoint);
            case CREATE -> createLandsInOwnOrganisation(endpoint);
            case PUBLIC -> mvc.perform(as(a, endpoint, endpoint.request())).andExpect(status().isOk());
            case FOREIGN_INDEX -> foreignIndexIsNotFound(endpoint);
            case FOREIGN_LOG -> foreignLogIsNotFound(endpoint);
            case PUBLIC_PER_ORGANISATION -> eachOrganisationAnswersForItself(endpoint);
            case PUBLIC_CAPABILITY -> {
                String path = endpoint.request();
                // B's credential id under A's name is nobody's; under B's own, it is B's to share.
                mvc.perform(as(
                                a,
                                endpoint,
                                path.replace("{slug}", a.organisation().slug())
                                        .replace("{id}", bCatalog.credentialId())))
                        .andExpect(status().isNotFound());
                mvc.perform(as(
                                a,
                                endpoint,
                                path.replace("{slug}", b.organisation().slug())
                                        .replace("{id}", bCatalog.credentialId())))
                        .andExpect(status().isOk());
                mvc.perform(as(
                                a,
                                endpoint,
                                path.replace("{slug}", a.organisation().slug())
                                        .replace("{id}", aCatalog.credentialId())))
                        .andExpect(status().isOk());
            }
            case FOREIGN_EVENT -> {
                mvc.perform(as(a, endpoint, endpoint.request().replace("{event}", B_EVENT + "3")))
                        .andExpect(status().isNotFound());
                mvc.perform(as(b, endpoint, endpoint.request().replace("{event}", B_EVENT + "3")))
                        .andExpect(status().isOk());
            }
            case FOREIGN_REFERENCE -> {
                String bBefore = snapshotOf(b) + catalogSnapshotOf(b);
                int refused = mvc.perform(as(a, endpoint, endpoint.request(), bCatalog))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(refused).as("B's reference is invalid input for A").isIn(400, 422);
                assertThat(snapshotOf(b) + catalogSnapshotOf(b))
                        .as("B unchanged")
                        .isEqualTo(bBefore);
                mvc.perform(as(a, endpoint, endpoint.request(), aCatalog)).andExpect(status().is2xxSuccessful());
            }
            case FOREIGN_DOCUMENT -> {
                String bBefore = snapshotOf(b) + catalogSnapshotOf(b);
                String aBefore = catalogSnapshotOf(a);
                int refused = mvc.perform(as(a, endpoint, endpoint.request(), bCatalog))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(refused).as("B's document is invalid input for A").isIn(400, 422);
                assertThat(snapshotOf(b) + catalogSnapshotOf(b))
                        .as("B unchanged")
                        .isEqualTo(bBefore);
                assertThat(catalogSnapshotOf(a)).as("A unchanged").isEqualTo(aBefore);
            }
            case OWN_DATA_FORM -> {
                String body = mvc.perform(multipart(endpoint.path())
                                .file(new MockMultipartFile("file", "empty.csv", "text/csv", "ref,title\n".getBytes()))
                                .with(user(a, a.user(Role.OWNER)))
                                .with(csrf())
                                .accept(MediaType.TEXT_HTML))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(body).contains(aCatalog.frameworkId()).doesNotContain(bCatalog.frameworkId());
            }
            case OWN_DATA -> {
                String body = mvc.perform(as(a, endpoint, endpoint.request()))
                        .andExpect(status().is2xxSuccessful())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(body).doesNotContain(b.organisation().slug());
            }
        }
    }

    private void foreignIndexIsNotFound(IsolationCases.Case endpoint) throws Exception {
        long aSize = logSize(a);
        assertThat(logSize(b)).as("B's log is longer").isGreaterThan(aSize + 5);
        mvc.perform(as(a, endpoint, endpoint.request().replace("{index}", Long.toString(aSize + 5))))
                .andExpect(status().isNotFound());
        mvc.perform(as(b, endpoint, endpoint.request().replace("{index}", Long.toString(aSize + 5))))
                .andExpect(status().isOk());
        String own = mvc.perform(as(a, endpoint, endpoint.request().replace("{index}", "0")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(own).doesNotContain(B_EVENT).doesNotContain(b.organisation().slug());
    }

    private void foreignLogIsNotFound(IsolationCases.Case endpoint) throws Exception {
        mvc.perform(as(
                        a,
                        endpoint,
                        endpoint.request().replace("{slug}", b.organisation().slug())))
                .andExpect(status().isNotFound());
        mvc.perform(as(
                        a,
                        endpoint,
                        endpoint.request().replace("{slug}", a.organisation().slug())))
                .andExpect(status().isOk());
    }

    private void eachOrganisationAnswersForItself(IsolationCases.Case endpoint) throws Exception {
        for (TestTenant owner : List.of(a, b)) {
            TestTenant other = owner == a ? b : a;
            String body = mvc.perform(as(
                            a,
                            endpoint,
                            endpoint.request()
                                    .replace("{slug}", owner.organisation().slug())))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            // A page also names the signed-in viewer (A) in its header, so there the other
            // organisation's identity is what must not appear; an API answer names nobody else at all.
            assertThat(body)
                    .contains(":orgs:" + owner.organisation().slug())
                    .doesNotContain((endpoint.api() || owner == a ? "" : ":orgs:")
                            + other.organisation().slug());
        }
    }

    private long logSize(TestTenant tenant) {
        return io.serviceproof.identity.Tenancy.callAs(
                io.serviceproof.identity.Actor.system(tenant.organisation().id(), "test"),
                () -> context.getBean(io.serviceproof.ledger.Ledger.class).size());
    }

    private void foreignIdIsNotFound(IsolationCases.Case endpoint) throws Exception {
        String foreignId = IsolationRequests.idFor(endpoint, b, bCatalog);
        String ownId = IsolationRequests.idFor(endpoint, a, aCatalog);
        String bBefore = snapshotOf(b) + catalogSnapshotOf(b);

        mvc.perform(as(a, endpoint, endpoint.request().replace("{id}", foreignId)))
                .andExpect(status().isNotFound());
        assertThat(snapshotOf(b) + catalogSnapshotOf(b)).as("B unchanged").isEqualTo(bBefore);

        // The same request with A's own id succeeds, so the 404 above is isolation, not a broken endpoint.
        if (endpoint.method() == HttpMethod.GET) {
            mvc.perform(as(a, endpoint, endpoint.request().replace("{id}", ownId)))
                    .andExpect(status().is2xxSuccessful());
        }
    }

    /** B's mappings and requirements as B's owner sees them: edits by A would show up here. */
    private String catalogSnapshotOf(TestTenant tenant) throws Exception {
        CatalogIds ids = tenant == a ? aCatalog : bCatalog;
        String mapping = mvc.perform(
                        request(HttpMethod.GET, "/api/v1/catalog/mappings").with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String requirement = mvc.perform(request(HttpMethod.GET, "/api/v1/catalog/requirements/" + ids.requirementId())
                        .with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String evidence = mvc.perform(request(HttpMethod.GET, "/api/v1/evidence/" + ids.evidenceId())
                        .with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String layer = mvc.perform(request(HttpMethod.GET, "/api/v1/layers/" + ids.layerId())
                        .with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String technician = mvc.perform(request(HttpMethod.GET, "/api/v1/technicians/" + ids.technicianId())
                        .with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String competence = mvc.perform(request(HttpMethod.GET, "/api/v1/layers/" + ids.layerId() + "/competence")
                        .with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String assessment = mvc.perform(request(HttpMethod.GET, "/api/v1/assessments/" + ids.assessmentId())
                        .with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String watch = mvc.perform(
                        request(HttpMethod.GET, "/api/v1/watch/proposals").with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String feeds = mvc.perform(
                        request(HttpMethod.GET, "/api/v1/watch/feeds").with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // The tender's answers (matrix.json holds no suggestions, which the background matching may still be writing).
        String tender = mvc.perform(request(HttpMethod.GET, "/api/v1/tenders/" + ids.tenderId() + "/matrix.json")
                        .with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return mapping + requirement + evidence + layer + technician + competence + assessment + watch + feeds + tender;
    }

    private void listShowsOnlyOwnRows(IsolationCases.Case endpoint) throws Exception {
        String body = mvc.perform(as(a, endpoint, endpoint.request()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).as("A sees its own rows").containsAnyOf(markers(a).toArray(String[]::new));
        assertThat(body)
                .as("A never sees B's rows")
                .doesNotContain(markers(b))
                .doesNotContain(b.organisation().slug());
    }

    /** Strings that appear in a listing exactly when one of the tenant's rows is listed. */
    private List<String> markers(TestTenant tenant) {
        String ownEvent = tenant.organisation().slug().startsWith("alpha") ? A_EVENT : B_EVENT;
        CatalogIds catalog = tenant == a ? aCatalog : bCatalog;
        return List.of(
                tenant.user(Role.ENGINEER).id().toString(),
                tenant.tokenIdOfEngineer(),
                ownEvent,
                catalog.frameworkId(),
                catalog.requirementId(),
                catalog.mappingId(),
                catalog.adoptionId(),
                catalog.resultId(),
                catalog.evidenceId(),
                catalog.offeringId(),
                catalog.technicianId(),
                catalog.assessmentId(),
                catalog.watchItemId(),
                catalog.feedId(),
                catalog.proposalId(),
                catalog.engagementId(),
                catalog.deviceId(),
                catalog.mqttConnectionId(),
                catalog.eventImportId(),
                catalog.tenderId());
    }

    private void showsOwnOrganisationOnly(IsolationCases.Case endpoint) throws Exception {
        String body = mvc.perform(as(a, endpoint, endpoint.request()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body)
                .contains(a.organisation().name())
                .doesNotContain(b.organisation().name());
    }

    private void createLandsInOwnOrganisation(IsolationCases.Case endpoint) throws Exception {
        String bBefore = snapshotOf(b);
        int status = mvc.perform(as(a, endpoint, endpoint.request()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isIn(200, 201, 202, 302);
        assertThat(snapshotOf(b)).as("B unchanged").isEqualTo(bBefore);
    }

    /** What B's owner sees of users and tokens; any change A could cause to B shows up here. */
    private String snapshotOf(TestTenant tenant) throws Exception {
        String users = mvc.perform(request(HttpMethod.GET, "/api/v1/users").with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String tokens = mvc.perform(request(HttpMethod.GET, "/api/v1/tokens").with(bearer(tenant.token(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // lastUsedAt moves with every read, so it is left out of the comparison.
        return (users + tokens).replaceAll("\"lastUsedAt\":(null|\"[^\"]*\")", "");
    }

    private AbstractMockHttpServletRequestBuilder<?> as(TestTenant tenant, IsolationCases.Case endpoint, String path) {
        return as(tenant, endpoint, path, tenant == a ? aCatalog : bCatalog);
    }

    /** {@code referenced} supplies the catalog ids a body names (the acting tenant's, or B's). */
    private AbstractMockHttpServletRequestBuilder<?> as(
            TestTenant tenant, IsolationCases.Case endpoint, String path, CatalogIds referenced) {
        return IsolationRequests.as(endpoint, path, tenant, tenant == a ? aCatalog : bCatalog, referenced, ++counter);
    }
}
