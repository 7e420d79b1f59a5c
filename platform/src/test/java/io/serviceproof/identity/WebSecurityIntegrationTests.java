package io.serviceproof.identity;

import static io.serviceproof.ActingAs.bearer;
import static io.serviceproof.ActingAs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.MutableClock;
import io.serviceproof.MutableClockConfiguration;
import io.serviceproof.TestTenant;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class WebSecurityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "web");
    }

    @Test
    void aUserSignsInWithTheFormAndTheSignInIsTrailed() throws Exception {
        String email = tenant.user(Role.ENGINEER).email();
        mvc.perform(formLogin("/login").user(email.toUpperCase()).password(TestTenant.PASSWORD))
                .andExpect(authenticated().withUsername(email))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/v1/trail").param("action", "sign-in").with(bearer(tenant.token(Role.OWNER))))
                .andExpect(jsonPath("$[*].actorName", hasItem(email)));
    }

    @Test
    void aSignedInSessionMayDownloadFromTheApiButNotChangeAnything() throws Exception {
        String email = tenant.user(Role.OWNER).email();
        var session = io.serviceproof.SameBrowser.as(
                mvc.perform(formLogin("/login").user(email).password(TestTenant.PASSWORD))
                        .andExpect(authenticated())
                        .andReturn());

        mvc.perform(get("/api/v1/catalog/frameworks").with(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key", hasItem("iso-iec-27001")));
        // Without a CSRF check on the API, a session must never authorise a change there.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/offerings")
                        .with(session)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Forged\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/offerings").with(bearer(tenant.token(Role.OWNER))))
                .andExpect(jsonPath("$.length()").value(0));
        // No session, no download.
        mvc.perform(get("/api/v1/catalog/frameworks")).andExpect(status().isUnauthorized());
    }

    @Test
    void aWrongPasswordFailsAndIsTrailedInTheUsersOrganisation() throws Exception {
        String email = tenant.user(Role.ENGINEER).email();
        mvc.perform(formLogin("/login").user(email).password("wrong-password"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/trail").param("action", "sign-in.failed").with(bearer(tenant.token(Role.OWNER))))
                .andExpect(jsonPath("$[0].actorName").value(email));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(
            String email, String password, String address) {
        return post("/login")
                .with(csrf())
                .with(from(address))
                .param("username", email)
                .param("password", password);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void repeatedFailuresDelayTheNextAttemptProgressivelyFromThatClientOnly() throws Exception {
        String email = tenant.user(Role.COMPLIANCE_MANAGER).email();
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(email, "guess-" + i, "203.0.113.7")).andExpect(redirectedUrl("/login?error"));
        }
        // The guesser's next attempt must wait, even with the right password...
        mvc.perform(signIn(email, TestTenant.PASSWORD, "203.0.113.7"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked"));
        // ...but the real user elsewhere is not locked out by a stranger's failures.
        mvc.perform(signIn(email, TestTenant.PASSWORD, "198.51.100.1")).andExpect(authenticated());
    }

    @Test
    void theDelayDoublesWithEachFurtherFailureAndEnds() throws Exception {
        String email = tenant.user(Role.ENGINEER).email();
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(email, "guess-" + i, "203.0.113.8"));
        }
        clock.advance(Duration.ofSeconds(2)); // first delay: 1 s
        mvc.perform(signIn(email, "guess-5", "203.0.113.8")).andExpect(redirectedUrl("/login?error"));
        clock.advance(Duration.ofSeconds(1)); // now 2 s are needed
        mvc.perform(signIn(email, TestTenant.PASSWORD, "203.0.113.8")).andExpect(redirectedUrl("/login?locked"));
        clock.advance(Duration.ofSeconds(2));
        mvc.perform(signIn(email, TestTenant.PASSWORD, "203.0.113.8")).andExpect(authenticated());
    }

    @Test
    void theThrottleHoldsForEveryPathVariantOfTheSignInForm() throws Exception {
        String email = tenant.user(Role.AUDITOR).email();
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(email, "guess-" + i, "203.0.113.9"));
        }
        for (String path : new String[] {"/%6Cogin", "/%6c%6F%67%69%6E"}) {
            mvc.perform(post(java.net.URI.create(path))
                            .with(csrf())
                            .with(from("203.0.113.9"))
                            .param("username", email)
                            .param("password", TestTenant.PASSWORD))
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?locked"));
        }
    }

    @Test
    void aWaitingVisitorIsToldWhySignInWasRefused() throws Exception {
        mvc.perform(get("/login").param("locked", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Too many failed attempts")));
        mvc.perform(get("/login").param("deactivated", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("deactivated")));
    }

    @Test
    void pagesNeedASignInAndFormsNeedACsrfToken() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/tokens")
                        .with(user(tenant, tenant.user(Role.OWNER)))
                        .param("name", "x")
                        .param("role", "OWNER"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/tokens").with(bearer(tenant.token(Role.OWNER))))
                .andExpect(jsonPath("$.length()").value(4));
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void signingInGivesTheSessionANewIdentifier() throws Exception {
        // A visitor's session before sign-in (one an attacker could have planted).
        var visit = mvc.perform(get("/login")).andReturn();
        String before = io.serviceproof.SameBrowser.sessionOf(visit).orElseThrow();
        var result = mvc.perform(post("/login")
                        .with(io.serviceproof.SameBrowser.as(visit))
                        .with(csrf())
                        .param("username", tenant.user(Role.AUDITOR).email())
                        .param("password", TestTenant.PASSWORD))
                .andExpect(authenticated())
                .andReturn();
        // A session identifier planted before sign-in (fixation) is worth nothing after it.
        org.assertj.core.api.Assertions.assertThat(io.serviceproof.SameBrowser.sessionOf(result))
                .hasValueSatisfying(after ->
                        org.assertj.core.api.Assertions.assertThat(after).isNotEqualTo(before));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        mvc.perform(logout().logoutUrl("/logout")).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void auditorsReadButChangeNothingAndEngineersDoNotManageUsers() throws Exception {
        var auditor = user(tenant, tenant.user(Role.AUDITOR));
        mvc.perform(get("/users").with(auditor)).andExpect(status().isOk());
        // The trail names each action in the reader's language, with its code beside it.
        String trail = mvc.perform(get("/trail").param("lang", "en").with(auditor))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(trail).contains("API token created", "token.created");
        assertThat(mvc.perform(get("/trail").param("lang", "zh-CN").with(auditor))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("创建 API 令牌");
        mvc.perform(post("/tokens")
                        .with(auditor)
                        .with(csrf())
                        .param("name", "x")
                        .param("role", "OWNER")
                        .param("expiresInDays", "5"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/tokens").with(bearer(tenant.token(Role.OWNER))))
                .andExpect(jsonPath("$.length()").value(4));

        var engineer = user(tenant, tenant.user(Role.ENGINEER));
        mvc.perform(get("/").with(engineer)).andExpect(status().isOk());
        mvc.perform(get("/users").with(engineer)).andExpect(status().isForbidden());
        mvc.perform(get("/trail").with(engineer)).andExpect(status().isForbidden());
    }

    @Test
    void aDeactivatedUsersSessionEndsAtTheNextRequest() throws Exception {
        var engineer = user(tenant, tenant.user(Role.ENGINEER));
        mvc.perform(get("/").with(engineer)).andExpect(status().isOk());
        mvc.perform(post("/users/" + tenant.user(Role.ENGINEER).id() + "/deactivate")
                        .with(user(tenant, tenant.user(Role.OWNER)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/users"));
        mvc.perform(get("/").with(engineer)).andExpect(redirectedUrl("/login?deactivated"));
        mvc.perform(formLogin("/login").user(tenant.user(Role.ENGINEER).email()).password(TestTenant.PASSWORD))
                .andExpect(unauthenticated());
    }

    @Test
    void metricsAreReadOnlyFromTheMonitoringNetwork() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus").with(request -> {
                    request.setRemoteAddr("203.0.113.5");
                    return request;
                }))
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(
                                result.getResponse().getStatus())
                        .isNotEqualTo(200))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("jvm_memory"))));
        // Health stays open to load balancers everywhere.
        mvc.perform(get("/actuator/health/liveness").with(request -> {
                    request.setRemoteAddr("203.0.113.5");
                    return request;
                }))
                .andExpect(status().isOk());
    }

    @Test
    void aUserGivenAnotherRoleIsSignedOutAndSignsInWithTheNewRole() throws Exception {
        var engineer = user(tenant, tenant.user(Role.ENGINEER));
        mvc.perform(get("/").with(engineer)).andExpect(status().isOk());
        mvc.perform(post("/users/" + tenant.user(Role.ENGINEER).id() + "/role")
                        .with(user(tenant, tenant.user(Role.OWNER)))
                        .with(csrf())
                        .param("role", "AUDITOR"))
                .andExpect(redirectedUrl("/users/" + tenant.user(Role.ENGINEER).id()))
                .andExpect(flash().attribute("notice", "users.roleChanged"));
        // The old session, which still says ENGINEER, is ended rather than trusted.
        mvc.perform(get("/").with(engineer)).andExpect(redirectedUrl("/login?roleChanged"));
        mvc.perform(formLogin("/login").user(tenant.user(Role.ENGINEER).email()).password(TestTenant.PASSWORD))
                .andExpect(authenticated().withRoles("AUDITOR"));
    }

    @Test
    void onlyAnOwnerChangesRolesAndNotTheirOwn() throws Exception {
        String engineerId = tenant.user(Role.ENGINEER).id().toString();
        mvc.perform(post("/users/" + engineerId + "/role")
                        .with(user(tenant, tenant.user(Role.COMPLIANCE_MANAGER)))
                        .with(csrf())
                        .param("role", "OWNER"))
                .andExpect(status().isForbidden());
        String ownerId = tenant.user(Role.OWNER).id().toString();
        mvc.perform(post("/users/" + ownerId + "/role")
                        .with(user(tenant, tenant.user(Role.OWNER)))
                        .with(csrf())
                        .param("role", "AUDITOR"))
                .andExpect(flash().attribute("problem", "users.roleChange.refused"));
        mvc.perform(formLogin("/login").user(tenant.user(Role.OWNER).email()).password(TestTenant.PASSWORD))
                .andExpect(authenticated().withRoles("OWNER"));
    }

    @Test
    void anOwnerCannotDeactivateThemselves() throws Exception {
        var owner = user(tenant, tenant.user(Role.OWNER));
        mvc.perform(post("/users/" + tenant.user(Role.OWNER).id() + "/deactivate")
                        .with(owner)
                        .with(csrf()))
                .andExpect(redirectedUrl("/users"));
        mvc.perform(formLogin("/login").user(tenant.user(Role.OWNER).email()).password(TestTenant.PASSWORD))
                .andExpect(authenticated());
    }

    @Test
    void theCreateUserFormShowsFieldErrorsAndCreatesNothing() throws Exception {
        var owner = user(tenant, tenant.user(Role.OWNER));
        mvc.perform(post("/users")
                        .with(owner)
                        .with(csrf())
                        .param("email", "nope")
                        .param("displayName", "X")
                        .param("role", "ENGINEER")
                        .param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(get("/api/v1/users").with(bearer(tenant.token(Role.OWNER))))
                .andExpect(jsonPath("$.length()").value(4));
    }

    @Test
    void anIssuedTokenIsShownOnceOnThePage() throws Exception {
        var owner = user(tenant, tenant.user(Role.OWNER));
        mvc.perform(post("/tokens")
                        .with(owner)
                        .with(csrf())
                        .param("name", "plc")
                        .param("role", "ENGINEER")
                        .param("expiresInDays", "7"))
                .andExpect(content().string(containsString("issued-token")))
                .andExpect(content().string(containsString("sp_")));
        mvc.perform(get("/tokens").with(owner))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("issued-token"))));
    }

    @Test
    void theInterfaceSpeaksChineseOnRequest() throws Exception {
        var owner = user(tenant, tenant.user(Role.OWNER));
        mvc.perform(get("/").param("lang", "zh-CN").with(owner).accept(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Language", "zh-CN"))
                .andExpect(content().string(containsString("概览")))
                .andExpect(content().string(containsString("所有者")));
        mvc.perform(get("/").header("Accept-Language", "en").with(owner))
                .andExpect(content().string(containsString("Dashboard")));
    }
}
