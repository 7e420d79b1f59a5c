package io.serviceproof.dashboard;

import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.assessment.ActionPlans;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.evidence.people.People;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A dashboard per role: what is assigned to the signed-in person, an engineer's layer tasks (and
 * whether a current qualification covers each), an auditor's recent changes first; never another
 * person's actions.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDashboardIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void eachPersonSeesWhatIsTheirsInTheirRole() throws Exception {
        TestTenant tenant = TestTenant.create(context, "personal");
        String compliance = tenant.user(Role.COMPLIANCE_MANAGER).id().toString();
        String engineer = tenant.user(Role.ENGINEER).id().toString();
        Tenancy.runAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            Offerings offerings = context.getBean(Offerings.class);
            String offering =
                    offerings.createOffering("Line", "", "", List.of("TH")).id();
            String layer = offerings
                    .createLayer(offering, "Remote O&M", "rom", "cloud-om-predictive-maintenance", null)
                    .id();
            Assessments assessments = context.getBean(Assessments.class);
            String assessment = assessments.create(offering, "TH").id();
            String requirement = assessments.view(assessment).results().get(0).requirementId();
            ActionPlans plans = context.getBean(ActionPlans.class);
            plans.add(
                    assessment,
                    requirement,
                    "Write the backup restore test",
                    compliance,
                    LocalDate.now().minusDays(2));
            plans.add(
                    assessment,
                    requirement,
                    "Someone else's action",
                    engineer,
                    LocalDate.now().plusDays(9));
            People people = context.getBean(People.class);
            String technician =
                    people.addTechnician("Tran", "", "", List.of(), engineer).id();
            String task = people.addTask(layer, "Remote session on customer OT", "remote access")
                    .id();
            people.authorise(technician, task);
        });

        Document manager = dashboard(tenant, Role.COMPLIANCE_MANAGER, "en");
        assertThat(manager.select("#my-actions").text())
                .contains("Write the backup restore test")
                .doesNotContain("Someone else's action");
        assertThat(manager.select("#my-actions .badge.text-bg-danger"))
                .as("overdue")
                .hasSize(1);
        assertThat(manager.select("#my-tasks")).isEmpty();

        Document technician = dashboard(tenant, Role.ENGINEER, "zh-CN");
        assertThat(technician.select("#my-tasks").text())
                .contains("Remote session on customer OT", "Remote O&M", "缺少 remote access 的有效资质");
        assertThat(technician.select("#my-actions").text()).contains("Someone else's action");

        Document auditor = dashboard(tenant, Role.AUDITOR, "en");
        assertThat(auditor.select("h2").first().text()).isEqualTo("Recent changes");
        assertThat(auditor.select("#recent-activity").text()).contains("Action added to a plan");
        assertThat(auditor.select("#recent-activity")).hasSize(1);
    }

    private Document dashboard(TestTenant tenant, Role role, String language) throws Exception {
        return Jsoup.parse(
                mvc.perform(get("/").header("Accept-Language", language).with(user(tenant, tenant.user(role))))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
    }
}
