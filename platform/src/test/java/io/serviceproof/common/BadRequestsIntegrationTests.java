package io.serviceproof.common;

import static io.serviceproof.ActingAs.bearer;
import static io.serviceproof.ActingAs.user;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Malformed requests the penetration test sent get a 4xx that says why, never a 500. */
@SpringBootTest
@AutoConfigureMockMvc
class BadRequestsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "bad-requests");
    }

    @Test
    void aFormEncodedPostToAnUploadIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/evidence")
                        .with(bearer(tenant.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("title=x&type=E6"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/evidence")
                        .with(user(tenant, tenant.user(Role.ENGINEER)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("title=x&type=E6"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aContractNamingAFileIsRefusedWithItsLocation() throws Exception {
        String layer = io.serviceproof.identity.Tenancy.callAs(
                io.serviceproof.identity.Actor.system(tenant.organisation().id(), "test"), () -> {
                    var offerings = context.getBean(io.serviceproof.services.Offerings.class);
                    String offering = offerings
                            .createOffering("Line", "", "", java.util.List.of("VN"))
                            .id();
                    return offerings
                            .createLayer(offering, "Inspection", "rqi", "ai-remote-quality-inspection", null)
                            .id();
                });
        mvc.perform(post("/api/v1/layers/" + layer + "/api-contracts")
                        .with(bearer(tenant.token(Role.COMPLIANCE_MANAGER)))
                        .contentType("application/yaml")
                        .content("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n"
                                + "      responses:\n        '200':\n          description: ok\n"
                                + "          content:\n            application/json:\n              schema:\n"
                                + "                $ref: 'file:///etc/passwd'\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].location", containsString("$ref")));
    }

    @Test
    void thePageComparingFrameworksWithoutParametersAnswersAPageNotJson() throws Exception {
        mvc.perform(get("/catalog/compare").with(user(tenant, tenant.user(Role.COMPLIANCE_MANAGER))))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/catalog"));
    }
}
