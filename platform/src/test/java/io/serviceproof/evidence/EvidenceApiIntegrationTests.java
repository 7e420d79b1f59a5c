package io.serviceproof.evidence;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.MutableClock;
import io.serviceproof.MutableClockConfiguration;
import io.serviceproof.TestTenant;
import io.serviceproof.catalog.Catalog;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Notifications;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.EntrySearch;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.ledger.LedgerEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence vault through its API: exact bytes back, every bad upload refused with nothing
 * stored, review and expiry, links, and the log entries that make registration provable. The size
 * limit is lowered to 2 MB here so the limit can be crossed cheaply.
 */
@SpringBootTest(properties = "serviceproof.evidence.max-size=2MB")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class EvidenceApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    TestTenant tenant;
    String engineer;
    String manager;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "evidence");
        engineer = tenant.token(Role.ENGINEER);
        manager = tenant.token(Role.COMPLIANCE_MANAGER);
    }

    private static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, "application/pdf", bytes);
    }

    private static byte[] unique(String what) {
        return (what + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private MockMultipartHttpServletRequestBuilder upload(MockMultipartFile file, String token) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/api/v1/evidence")
                .file(file)
                .param("title", "Remote-access procedure")
                .param("type", "E6")
                .with(bearer(token));
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private int evidenceCount() throws Exception {
        return body(mvc.perform(get("/api/v1/evidence").with(bearer(manager))).andReturn())
                .size();
    }

    private boolean blobsInDatabase() {
        return "database".equals(context.getEnvironment().getProperty("serviceproof.blobs.store"));
    }

    /** Kept blobs (files, or rows with the database store) and files left in staging. */
    private long blobCount() throws Exception {
        long inDatabase = !blobsInDatabase()
                ? 0
                : context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("SELECT COUNT(*) FROM blobs")
                        .query(Long.class)
                        .single();
        return inDatabase + filesUnderBlobs();
    }

    private long filesUnderBlobs() throws Exception {
        Path blobs = Path.of(context.getEnvironment().getProperty("serviceproof.data-dir"))
                .resolve("blobs");
        try (var files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anUploadReturnsItsDigestAndTheExactBytesComeBack() throws Exception {
        byte[] bytes = unique("procedure");
        MvcResult created = mvc.perform(upload(file("procedure.pdf", bytes), engineer)
                        .param("sha256", sha256(bytes).toUpperCase())
                        .param("effectiveDate", "2026-03-01")
                        .param("validUntil", "2027-03-01"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/evidence/")))
                .andExpect(jsonPath("$.sha256").value(sha256(bytes)))
                .andExpect(jsonPath("$.size").value(bytes.length))
                .andExpect(jsonPath("$.status").value("draft"))
                .andExpect(jsonPath("$.effectiveDate").value("2026-03-01"))
                .andReturn();
        String id = body(created).get("id").asString();

        mvc.perform(get("/api/v1/evidence/" + id + "/content").with(bearer(engineer)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + sha256(bytes) + "\""))
                .andExpect(header().string("Content-Disposition", containsString("procedure.pdf")))
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(bytes));

        // The same bytes again are stored once.
        long blobs = blobCount();
        mvc.perform(upload(file("copy.pdf", bytes), engineer)).andExpect(status().isCreated());
        assertThat(blobCount()).isEqualTo(blobs);
    }

    @Test
    void badUploadsAreRefusedAndStoreNothing() throws Exception {
        int items = evidenceCount();
        long blobs = blobCount();

        mvc.perform(upload(file("report.pdf", unique("x")), engineer).param("sha256", "0".repeat(64)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].location").value("sha256"))
                .andExpect(jsonPath("$.errors[0].detail", containsString("altered or truncated")));
        mvc.perform(upload(file("../../etc/passwd", unique("x")), engineer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(upload(file("..\\secrets.txt", unique("x")), engineer)).andExpect(status().isBadRequest());
        mvc.perform(upload(file("big.bin", new byte[2 * 1024 * 1024 + 1]), engineer))
                .andExpect(status().isContentTooLarge());
        mvc.perform(upload(file("empty.pdf", new byte[0]), engineer)).andExpect(status().isBadRequest());
        mvc.perform(upload(file("bomb.zip", zipBomb()), engineer))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].detail", containsString("archive bomb")));
        mvc.perform(multipart("/api/v1/evidence")
                        .file(file("ok.pdf", unique("x")))
                        .param("title", "Typo in the type")
                        .param("type", "E12")
                        .with(bearer(engineer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(upload(file("ok.pdf", unique("x")), engineer)
                        .param("effectiveDate", "2026-05-01")
                        .param("validUntil", "2026-04-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("validUntil"));
        mvc.perform(upload(file("ok.pdf", unique("x")), engineer).param("requirementId", "no-such-requirement"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("targetId"));

        assertThat(evidenceCount()).isEqualTo(items);
        assertThat(blobCount()).as("no file kept, no staging left over").isEqualTo(blobs);
    }

    /** 50 MB of zeros in a zip of about 50 KB: under the size limit, far over the expansion limit. */
    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void reviewApprovesTheLatestVersionAndTheLogHoldsItsDigest() throws Exception {
        byte[] bytes = unique("dr test");
        String id = body(mvc.perform(
                                upload(file("dr-test.pdf", bytes), engineer).param("submit", "true"))
                        .andExpect(jsonPath("$.status").value("in-review"))
                        .andReturn())
                .get("id")
                .asString();

        mvc.perform(post("/api/v1/evidence/" + id + "/approve").with(bearer(engineer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/evidence/" + id + "/reject")
                        .with(bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        mvc.perform(post("/api/v1/evidence/" + id + "/approve")
                        .with(bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"Matches the 2026 DR exercise\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("approved"))
                .andExpect(jsonPath("$.versions[0].reviewComment").value("Matches the 2026 DR exercise"));
        mvc.perform(post("/api/v1/evidence/" + id + "/approve").with(bearer(manager)))
                .andExpect(status().isConflict());

        List<LedgerEntry> logged = Tenancy.callAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> context.getBean(Ledger.class)
                        .search(new EntrySearch(null, "evidence.approved", null, Long.MAX_VALUE, 10)));
        assertThat(logged).singleElement().satisfies(entry -> {
            String canonical = new String(entry.canonical(), StandardCharsets.UTF_8);
            assertThat(canonical).contains(sha256(bytes)).contains(id).doesNotContain("dr-test.pdf");
        });

        // A second version starts its own review; the approved first one stays as it was.
        byte[] second = unique("dr test 2");
        mvc.perform(multipart("/api/v1/evidence/" + id + "/versions")
                        .file(file("dr-test-2.pdf", second))
                        .with(bearer(engineer)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("draft"))
                .andExpect(jsonPath("$.versions[1].status").value("approved"));
    }

    private String approved(String title) throws Exception {
        String id = body(mvc.perform(upload(file("pen-test.pdf", unique(title)), engineer)
                                .param("submit", "true"))
                        .andReturn())
                .get("id")
                .asString();
        mvc.perform(post("/api/v1/evidence/" + id + "/approve").with(bearer(manager)))
                .andExpect(jsonPath("$.status").value("approved"));
        return id;
    }

    @Test
    void anEngineersChangeToWhatApprovedEvidenceIsOrProvesSendsItBackToReview() throws Exception {
        String retyped = approved("pen test");
        mvc.perform(patch("/api/v1/evidence/" + retyped)
                        .with(bearer(engineer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"E9\",\"title\":\"Data-transfer impact assessment\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("in-review"));

        String relinked = approved("pen test 2");
        String layerOrRequirement = iso27001Requirement("A.5.2");
        mvc.perform(post("/api/v1/evidence/" + relinked + "/links")
                        .with(bearer(engineer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"requirement\",\"targetId\":\"" + layerOrRequirement + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/evidence/" + relinked).with(bearer(engineer)))
                .andExpect(jsonPath("$.status").value("in-review"));

        // Reviewed again, it counts again, and the log holds both approvals and the reopening.
        mvc.perform(post("/api/v1/evidence/" + relinked + "/approve").with(bearer(manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("approved"));
        List<LedgerEntry> reopened = Tenancy.callAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> context.getBean(Ledger.class)
                        .search(new EntrySearch(null, "evidence.review-reopened", null, Long.MAX_VALUE, 10)));
        assertThat(reopened).hasSize(2);

        // A compliance manager is a reviewer: their edit keeps the approval.
        String curated = approved("pen test 3");
        mvc.perform(patch("/api/v1/evidence/" + curated)
                        .with(bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Penetration test 2026\"}"))
                .andExpect(jsonPath("$.status").value("approved"));
    }

    /** The tenant's copy of an ISO/IEC 27001:2022 requirement, by its clause id. */
    private String iso27001Requirement(String ref) {
        return Tenancy.callAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            Catalog catalog = context.getBean(Catalog.class);
            String iso = catalog.frameworks().stream()
                    .filter(f -> f.key().equals("iso-iec-27001"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            return catalog.requirements(iso).stream()
                    .filter(r -> r.refId().equals(ref))
                    .findFirst()
                    .orElseThrow()
                    .id();
        });
    }

    @Test
    void evidenceLinkedToARequirementIsFoundFromIt() throws Exception {
        String requirement = iso27001Requirement("A.8.15");
        String linked = body(mvc.perform(upload(file("sessions.csv", unique("log")), engineer)
                                .param("requirementId", requirement))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.links[0].targetId").value(requirement))
                        .andReturn())
                .get("id")
                .asString();
        String other = body(mvc.perform(upload(file("other.csv", unique("other")), engineer))
                        .andReturn())
                .get("id")
                .asString();

        JsonNode found = body(
                mvc.perform(get("/api/v1/evidence?requirementId=" + requirement).with(bearer(engineer)))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(found.findValuesAsString("id")).contains(linked).doesNotContain(other);

        mvc.perform(post("/api/v1/evidence/" + other + "/links")
                        .with(bearer(engineer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"requirement\",\"targetId\":\"" + requirement + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/evidence/" + other + "/links")
                        .with(bearer(engineer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"requirement\",\"targetId\":\"" + requirement + "\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void approvedEvidencePastItsValidityExpiresOnceAndItsOwnerIsTold() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String owner = tenant.user(Role.COMPLIANCE_MANAGER).id().toString();
        String id = body(mvc.perform(upload(file("cert.pdf", unique("cert")), engineer)
                                .param("ownerId", owner)
                                .param("effectiveDate", today.minusDays(30).toString())
                                .param("validUntil", today.plusDays(1).toString()))
                        .andReturn())
                .get("id")
                .asString();
        mvc.perform(post("/api/v1/evidence/" + id + "/approve").with(bearer(manager)))
                .andExpect(status().isOk());
        JsonNode soon =
                body(mvc.perform(get("/api/v1/evidence?expiringWithinDays=30").with(bearer(engineer)))
                        .andReturn());
        assertThat(soon.findValuesAsString("id")).contains(id);

        clock.advance(Duration.ofDays(3));
        try {
            EvidenceExpiry expiry = context.getBean(EvidenceExpiry.class);
            assertThat(expiry.expire(tenant.organisation())).isEqualTo(1);
            assertThat(expiry.expire(tenant.organisation())).as("nothing twice").isZero();

            mvc.perform(get("/api/v1/evidence/" + id).with(bearer(engineer)))
                    .andExpect(jsonPath("$.status").value("expired"));
            var managerActor = new Actor(
                    tenant.organisation().id(),
                    Actor.Kind.USER,
                    owner,
                    tenant.user(Role.COMPLIANCE_MANAGER).email(),
                    Role.COMPLIANCE_MANAGER);
            assertThat(Tenancy.callAs(
                            managerActor,
                            () -> context.getBean(Notifications.class).mine(10)))
                    .singleElement()
                    .satisfies(n -> {
                        assertThat(n.messageKey()).isEqualTo("notification.evidence.expired");
                        assertThat(n.link()).isEqualTo("/evidence/" + id);
                    });
        } finally {
            clock.advance(Duration.ofDays(-3));
        }
    }

    @Test
    void aStoredFileThatNoLongerMatchesItsDigestIsWithheld() throws Exception {
        byte[] bytes = unique("tampered");
        String id = body(mvc.perform(upload(file("model-card.pdf", bytes), engineer))
                        .andReturn())
                .get("id")
                .asString();
        String digest = sha256(bytes);
        if (blobsInDatabase()) {
            context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("UPDATE blob_chunks SET data = :data WHERE sha256 = :sha AND seq = 0")
                    .param("data", unique("something else"))
                    .param("sha", digest)
                    .update();
        } else {
            Path stored = Path.of(context.getEnvironment().getProperty("serviceproof.data-dir"))
                    .resolve("blobs")
                    .resolve(digest.substring(0, 2))
                    .resolve(digest);
            Files.write(stored, unique("something else"));
        }

        mvc.perform(get("/api/v1/evidence/" + id + "/content").with(bearer(engineer)))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail", containsString("no longer matches its SHA-256 " + digest)));
    }
}
