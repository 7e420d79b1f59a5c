package io.serviceproof.evidence.people;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.MutableClock;
import io.serviceproof.MutableClockConfiguration;
import io.serviceproof.TestTenant;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Notifications;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Technicians, qualifications and the competence matrix: authorisations stay current only while backed. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class PeopleApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    TestTenant tenant;
    String manager;
    String layer;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "people");
        manager = tenant.token(Role.COMPLIANCE_MANAGER);
        Offerings offerings = context.getBean(Offerings.class);
        layer = Tenancy.callAs(
                Actor.system(tenant.organisation().id(), "test"),
                () -> offerings
                        .createLayer(
                                offerings
                                        .createOffering("Line", "", "", List.of("TH"))
                                        .id(),
                                "Cloud remote maintenance",
                                null,
                                "cloud-om-predictive-maintenance",
                                null)
                        .id());
    }

    private JsonNode post(String path, String body, String token) throws Exception {
        return json.readTree(mvc.perform(MockMvcRequestBuilders.post(path)
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private int postStatus(String path, String body, String token) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path)
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void anAuthorisationIsCurrentWhileACoveringCertificationIsAndLapsesWithIt() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String technician = post("/api/v1/technicians", """
                        {"name":"Zhang Jun","employer":"Haiphong Precision","roles":["remote technician"]}
                        """, tenant.token(Role.ENGINEER))
                .get("id")
                .asString();
        post(
                "/api/v1/technicians/" + technician + "/qualifications",
                """
                        {"kind":"certification","name":"IEC 62443 fundamentals","issuer":"ISA","number":"C-123",
                         "scope":"Remote access to customer OT; secure configuration","obtainedOn":"%s","validUntil":"%s"}
                        """.formatted(today.minusYears(1), today.plusDays(20)),
                tenant.token(Role.ENGINEER));
        String task = post("/api/v1/layers/" + layer + "/tasks", """
                        {"task":"Remote session on customer PLC","requiredScope":"remote access to customer OT"}
                        """, manager)
                .get("id")
                .asString();
        assertThat(postStatus(
                        "/api/v1/technicians/" + technician + "/authorisations",
                        "{\"taskId\":\"" + task + "\"}",
                        tenant.token(Role.ENGINEER)))
                .as("engineers do not authorise")
                .isEqualTo(403);
        post("/api/v1/technicians/" + technician + "/authorisations", "{\"taskId\":\"" + task + "\"}", manager);

        mvc.perform(get("/api/v1/layers/" + layer + "/competence").with(bearer(manager)))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.rows[0].cells['" + task + "'].authorised").value(true))
                .andExpect(jsonPath("$.rows[0].cells['" + task + "'].current").value(true))
                .andExpect(
                        jsonPath("$.rows[0].cells['" + task + "'].basis.number").value("C-123"));
        mvc.perform(get("/api/v1/expiring?days=30").with(bearer(manager)))
                .andExpect(jsonPath("$.qualifications[0].name").value("IEC 62443 fundamentals"));

        Actor system = Actor.system(tenant.organisation().id(), "test");
        assertThat(Tenancy.callAs(system, () -> context.getBean(People.class).endingWithin(30)))
                .hasSize(1);
        QualificationExpiry notices = context.getBean(QualificationExpiry.class);
        assertThat(notices.notice(tenant.organisation())).isEqualTo(1);
        assertThat(notices.notice(tenant.organisation())).as("once").isZero();

        clock.advance(Duration.ofDays(25));
        try {
            mvc.perform(get("/api/v1/layers/" + layer + "/competence").with(bearer(manager)))
                    .andExpect(jsonPath("$.rows[0].cells['" + task + "'].authorised")
                            .value(true))
                    .andExpect(
                            jsonPath("$.rows[0].cells['" + task + "'].current").value(false));
            assertThat(notices.notice(tenant.organisation())).isEqualTo(1);
            Actor owner = new Actor(
                    tenant.organisation().id(),
                    Actor.Kind.USER,
                    tenant.user(Role.OWNER).id().toString(),
                    tenant.user(Role.OWNER).email(),
                    Role.OWNER);
            assertThat(Tenancy.callAs(
                            owner, () -> context.getBean(Notifications.class).mine(10)))
                    .extracting(n -> n.messageKey())
                    .containsExactly("notification.qualification.expired", "notification.qualification.expiring");
        } finally {
            clock.advance(Duration.ofDays(-25));
        }
    }

    @Test
    void badRecordsAreRefusedWithTheFieldNamed() throws Exception {
        String technician = post("/api/v1/technicians", "{\"name\":\"Le Van An\"}", manager)
                .get("id")
                .asString();
        String path = "/api/v1/technicians/" + technician + "/qualifications";
        mvc.perform(MockMvcRequestBuilders.post(path)
                        .with(bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"certification\",\"name\":\"GWO\",\"obtainedOn\":\"2026-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("issuer"));
        mvc.perform(
                        MockMvcRequestBuilders.post(path)
                                .with(bearer(manager))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"kind\":\"training\",\"name\":\"OT safety\",\"obtainedOn\":\"2026-05-01\",\"validUntil\":\"2026-01-01\"}"))
                .andExpect(jsonPath("$.errors[0].field").value("validUntil"));
        mvc.perform(
                        MockMvcRequestBuilders.post(path)
                                .with(bearer(manager))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"kind\":\"training\",\"name\":\"OT safety\",\"obtainedOn\":\"2026-05-01\",\"evidenceId\":\"nope\"}"))
                .andExpect(jsonPath("$.errors[0].field").value("evidenceId"));
        mvc.perform(MockMvcRequestBuilders.post(path)
                        .with(bearer(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"diploma\",\"name\":\"x\",\"obtainedOn\":\"2026-05-01\"}"))
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        assertThat(postStatus(
                        "/api/v1/layers/no-such-layer/tasks", "{\"task\":\"x\",\"requiredScope\":\"y\"}", manager))
                .isEqualTo(404);
        mvc.perform(get("/api/v1/technicians/" + technician).with(bearer(manager)))
                .andExpect(jsonPath("$.qualifications.length()").value(0));
    }
}
