package io.serviceproof.dashboard;

import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.assessment.ActionPlans;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.evidence.EvidenceFields;
import io.serviceproof.evidence.LinkRequest;
import io.serviceproof.evidence.Upload;
import io.serviceproof.evidence.Vault;
import io.serviceproof.evidence.people.NewQualification;
import io.serviceproof.evidence.people.People;
import io.serviceproof.evidence.people.Qualification;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.Offerings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The dashboard tells a compliance manager what needs attention: readiness per market, overdue
 * actions, evidence and qualifications that lapse or have lapsed (unless renewed), credentials; and
 * says so when nothing does. Only the organisation's own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    private Document dashboard(TestTenant tenant, String language) throws Exception {
        String html = mvc.perform(get("/").header("Accept-Language", language)
                        .with(user(tenant, tenant.user(Role.COMPLIANCE_MANAGER))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    @Test
    void anOwnerIsWarnedWhileThePublicHostIsLoopback() throws Exception {
        TestTenant tenant = TestTenant.create(context, "dashboard-host");
        // The tests run with the embedded default, localhost:8080.
        String owner = mvc.perform(get("/").with(user(tenant, tenant.user(Role.OWNER))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(owner).select("#public-host-warning").text())
                .contains("localhost:8080/" + tenant.organisation().slug(), "SERVICEPROOF_PUBLIC_HOST");
        assertThat(dashboard(tenant, "en").select("#public-host-warning")).isEmpty();
    }

    @Test
    void whatNeedsAttentionIsOnTheDashboardAndOnlyTheOrganisationsOwn() throws Exception {
        TestTenant tenant = TestTenant.create(context, "dashboard");
        TestTenant other = TestTenant.create(context, "dashboard-other");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Tenancy.runAs(Actor.system(tenant.organisation().id(), "test"), () -> {
            Offerings offerings = context.getBean(Offerings.class);
            String offering = offerings
                    .createOffering("CNC line HP-5X", "", "", List.of("VN"))
                    .id();
            Assessments assessments = context.getBean(Assessments.class);
            String assessment = assessments.create(offering, "VN").id();
            String requirement = assessments.view(assessment).results().get(0).requirementId();
            ActionPlans plans = context.getBean(ActionPlans.class);
            plans.add(assessment, requirement, "Translate the SLA into Vietnamese", null, today.minusDays(3));
            plans.add(assessment, requirement, "Not due yet", null, today.plusDays(10));
            People people = context.getBean(People.class);
            String technician = people.addTechnician("Nguyen Van A", null, "Acme", List.of(), null)
                    .id();
            people.addQualification(
                    technician,
                    new NewQualification(
                            Qualification.Kind.CERTIFICATION,
                            "PLC safety",
                            "TUV",
                            "1",
                            null,
                            today.minusYears(3),
                            today.minusDays(2),
                            null));
            // Renewed: the older certificate's end needs nobody's attention.
            people.addQualification(
                    technician,
                    new NewQualification(
                            Qualification.Kind.TRAINING,
                            "Remote access",
                            "Acme",
                            "2",
                            null,
                            today.minusYears(2),
                            today.minusDays(5),
                            null));
            people.addQualification(
                    technician,
                    new NewQualification(
                            Qualification.Kind.TRAINING,
                            "Remote access",
                            "Acme",
                            "3",
                            null,
                            today.minusDays(5),
                            today.plusYears(1),
                            null));
            Vault vault = context.getBean(Vault.class);
            String evidence = vault.register(
                            new EvidenceFields(
                                    "Penetration test report",
                                    "E3",
                                    "",
                                    null,
                                    today.minusDays(300),
                                    today.plusDays(12),
                                    null,
                                    true),
                            new Upload(
                                    "pentest.pdf",
                                    "application/pdf",
                                    new ByteArrayInputStream("pentest".getBytes(StandardCharsets.UTF_8))),
                            List.<LinkRequest>of())
                    .item()
                    .id();
            vault.approve(evidence, "ok");
        });
        Tenancy.runAs(Actor.system(other.organisation().id(), "test"), () -> {
            String offering = context.getBean(Offerings.class)
                    .createOffering("Other tenant's line", "", "", List.of("TH"))
                    .id();
            context.getBean(Assessments.class).create(offering, "TH");
        });

        Document page = dashboard(tenant, "en");
        assertThat(page.select("#readiness tbody tr")).hasSize(1);
        assertThat(page.select("#readiness").text())
                .contains("CNC line HP-5X", "VN")
                .doesNotContain("Other tenant");
        // An open assessment's readiness is computed live, not left blank until sign-off.
        assertThat(page.select("#readiness tbody td.text-end").text()).matches("\\d+\\.\\d %");
        assertThat(page.select("#overdue-actions").text())
                .contains("Overdue actions: 1", "Translate the SLA into Vietnamese")
                .doesNotContain("Not due yet");
        assertThat(page.select("#lapsing-qualifications").text())
                .contains("Nguyen Van A", "PLC safety", "lapsed")
                .doesNotContain("Remote access");
        assertThat(page.select("#lapsing-evidence").text()).contains("Penetration test report", "valid until");
        assertThat(page.select("#credential-counts").text()).contains("0 active", "0 revoked");
        assertThat(page.select("#all-clear")).isEmpty();

        Document chinese = dashboard(tenant, "zh-CN");
        assertThat(chinese.select("#overdue-actions").text()).contains("逾期行动项：1");
        assertThat(chinese.select("#lapsing-qualifications").text()).contains("已于");

        Document quiet = dashboard(other, "en");
        assertThat(quiet.select("#all-clear").text()).startsWith("Nothing needs attention");
        assertThat(quiet.select("#readiness").text())
                .contains("Other tenant's line")
                .doesNotContain("CNC line");
    }
}
