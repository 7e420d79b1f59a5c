package io.serviceproof.identity;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.MutableClock;
import io.serviceproof.MutableClockConfiguration;
import io.serviceproof.TestTenant;
import io.serviceproof.identity.tokens.ApiTokens;
import io.serviceproof.identity.tokens.NewToken;
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
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class IdentityApiIntegrationTests {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    JsonMapper json;

    TestTenant tenant;
    String owner;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "api");
        owner = tenant.token(Role.OWNER);
    }

    @Test
    void ownerCreatesAUserWhoIsThenListedAndTrailed() throws Exception {
        String body = mvc.perform(post("/api/v1/users")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email":"New.Person@Example.com","displayName":"New Person","role":"COMPLIANCE_MANAGER","password":"a-long-password"}
                                """))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/users/")))
                .andExpect(jsonPath("$.email").value("new.person@example.com"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(body).get("id").asString();

        mvc.perform(get("/api/v1/users/" + id).with(bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("COMPLIANCE_MANAGER"));
        mvc.perform(get("/api/v1/trail").param("action", "user.created").with(bearer(owner)))
                .andExpect(jsonPath("$[*].targetId", hasItem(id)))
                .andExpect(jsonPath("$[0].actorName").value("token:owner-token"));
    }

    private String mintToken(String bearer, String name) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/tokens")
                                .with(bearer(bearer))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"" + name + "\",\"role\":\"OWNER\",\"expiresInDays\":365}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("secret")
                .asString();
    }

    @Test
    void aDeactivatedUsersTokensDieWithThem() throws Exception {
        var departing = tenant.user(Role.OWNER);
        String usersToken = tokenOf(departing, "laptop", 365);
        // A token minted with that token acts for the same user.
        String mintedWithIt = mintToken(usersToken, "minted-by-token");
        mvc.perform(get("/api/v1/organisation").with(bearer(mintedWithIt))).andExpect(status().isOk());

        // An organisation keeps an owner: a successor first.
        mvc.perform(post("/api/v1/users")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"successor@"
                                + tenant.organisation().slug()
                                + ".test\",\"displayName\":\"Successor\",\"role\":\"OWNER\","
                                + "\"password\":\"successor-password-1\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/users/" + departing.id() + "/deactivate").with(bearer(owner)))
                .andExpect(status().isOk());

        for (String dead : new String[] {usersToken, mintedWithIt}) {
            mvc.perform(get("/api/v1/organisation").with(bearer(dead))).andExpect(status().isUnauthorized());
            mvc.perform(post("/api/v1/tokens")
                            .with(bearer(dead))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"escape\",\"role\":\"OWNER\",\"expiresInDays\":365}"))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/tokens").with(bearer(owner)))
                .andExpect(jsonPath("$[?(@.name == 'laptop')].status").value(hasItem("REVOKED")))
                .andExpect(jsonPath("$[?(@.name == 'minted-by-token')].status").value(hasItem("REVOKED")));
        // Tokens of other users, and those issued by the administrator, go on working.
        mvc.perform(get("/api/v1/organisation").with(bearer(owner))).andExpect(status().isOk());
    }

    @Test
    void invalidFieldsAreReportedOneByOneAndNothingIsCreated() throws Exception {
        int before = userCount();
        mvc.perform(
                        post("/api/v1/users")
                                .with(bearer(owner))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"email\":\"not-an-email\",\"displayName\":\"\",\"role\":\"ENGINEER\",\"password\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("email", "displayName", "password")));
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void aDuplicateEmailIsAConflictAndChangesNothing() throws Exception {
        String existing = tenant.user(Role.ENGINEER).email();
        int before = userCount();
        mvc.perform(post("/api/v1/users")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + existing.toUpperCase()
                                + "\",\"displayName\":\"Dup\",\"role\":\"ENGINEER\",\"password\":\"a-long-password\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already exists")));
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void malformedBodiesWrongMediaTypesAndOversizeRequestsAreProblems() throws Exception {
        mvc.perform(post("/api/v1/users")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/api/v1/users")
                        .with(bearer(owner))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/api/v1/users")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/api/v1/no-such-thing").with(bearer(owner)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/api/v1/users/not-a-uuid").with(bearer(owner)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(delete("/api/v1/users").with(bearer(owner)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() throws Exception {
        mvc.perform(get("/api/v1/organisation"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/api/v1/organisation").with(bearer("sp_not-a-real-token")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void rolesDecideWhatATokenMayDo() throws Exception {
        mvc.perform(get("/api/v1/users").with(bearer(tenant.token(Role.ENGINEER))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/api/v1/trail").with(bearer(tenant.token(Role.ENGINEER))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/trail").with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/organisation").with(bearer(tenant.token(Role.ENGINEER))))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/tokens")
                        .with(bearer(tenant.token(Role.AUDITOR)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"role\":\"OWNER\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTokenSecretIsShownOnceWorksAndStopsWorkingWhenRevoked() throws Exception {
        JsonNode created = json.readTree(mvc.perform(post("/api/v1/tokens")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"line-7 gateway\",\"role\":\"ENGINEER\",\"expiresInDays\":30}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        String secret = created.get("secret").asString();
        String id = created.get("token").get("id").asString();
        assertThat(secret).startsWith("sp_").hasSizeGreaterThan(40);

        mvc.perform(get("/api/v1/tokens").with(bearer(owner)))
                .andExpect(jsonPath("$[*].secret").doesNotExist())
                .andExpect(jsonPath("$[*].secretPrefix", hasItem(secret.substring(0, 9))))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(secret))));
        mvc.perform(get("/api/v1/organisation").with(bearer(secret))).andExpect(status().isOk());

        mvc.perform(delete("/api/v1/tokens/" + id).with(bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"));
        mvc.perform(get("/api/v1/organisation").with(bearer(secret))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/trail").param("action", "token.revoked").with(bearer(owner)))
                .andExpect(jsonPath("$[*].targetId", hasItem(id)));
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() throws Exception {
        JsonNode created = json.readTree(mvc.perform(post("/api/v1/tokens")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"short-lived\",\"role\":\"ENGINEER\",\"expiresInDays\":1}"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        String secret = created.get("secret").asString();
        mvc.perform(get("/api/v1/organisation").with(bearer(secret))).andExpect(status().isOk());
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        try {
            mvc.perform(get("/api/v1/organisation").with(bearer(secret))).andExpect(status().isUnauthorized());
        } finally {
            clock.advance(Duration.ofDays(-1).minusSeconds(1));
        }
    }

    @Test
    void tokenLifetimeIsBounded() throws Exception {
        mvc.perform(post("/api/v1/tokens")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"forever\",\"role\":\"ENGINEER\",\"expiresInDays\":10000}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresInDays"));
    }

    @Test
    void theTrailFiltersByActorActionAndTime() throws Exception {
        mvc.perform(get("/api/v1/trail").param("action", "token.created").with(bearer(owner)))
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath(
                        "$[*].action", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("token.created"))));
        mvc.perform(get("/api/v1/trail").param("actor", "nobody-like-this").with(bearer(owner)))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/trail")
                        .param("from", clock.instant().plusSeconds(60).toString())
                        .with(bearer(owner)))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/trail").param("size", "0").with(bearer(owner)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void aRoleChangeRevokesTheUsersTokensAndIsRecorded() throws Exception {
        var engineer = tenant.user(Role.ENGINEER);
        String engineersToken = tokenOf(engineer, "plc-gateway", 365);
        mvc.perform(get("/api/v1/organisation").with(bearer(engineersToken))).andExpect(status().isOk());

        mvc.perform(put("/api/v1/users/" + engineer.id() + "/role")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"AUDITOR\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("AUDITOR"));

        // A token carries the role it was issued with: it must not outlive the change.
        mvc.perform(get("/api/v1/organisation").with(bearer(engineersToken))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/trail").param("action", "user.role-changed").with(bearer(owner)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].detail").value("Engineer to Auditor (read-only)"));
        // The API keeps the English the log commits to; the trail page says it in the reader's language.
        String page = mvc.perform(get("/trail")
                        .param("action", "user.role-changed")
                        .param("lang", "zh-CN")
                        .with(io.serviceproof.ActingAs.user(tenant, tenant.user(Role.OWNER))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(page).select("td").eachText())
                .contains("工程师 改为 审核员（只读）")
                .doesNotContain("Engineer to Auditor (read-only)");
    }

    @Test
    void aRoleChangeIsRefusedForTheLastOwnerADeactivatedUserAndAnUnknownRole() throws Exception {
        var self = tenant.user(Role.OWNER);
        String ownToken = tokenOf(self, "own", 30);
        mvc.perform(put("/api/v1/users/" + self.id() + "/role")
                        .with(bearer(ownToken))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"AUDITOR\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("An organisation keeps at least one active owner"));
        mvc.perform(post("/api/v1/users/" + self.id() + "/deactivate").with(bearer(ownToken)))
                .andExpect(status().isConflict());

        String auditorId = tenant.user(Role.AUDITOR).id().toString();
        mvc.perform(put("/api/v1/users/" + auditorId + "/role")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"SUPERUSER\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/users/" + auditorId + "/deactivate").with(bearer(owner)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/users/" + auditorId + "/role")
                        .with(bearer(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"OWNER\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/users/" + auditorId).with(bearer(owner)))
                .andExpect(jsonPath("$.role").value("AUDITOR"));
    }

    @Test
    void deactivatingAUserIsRecordedAndIdempotent() throws Exception {
        String id = tenant.user(Role.ENGINEER).id().toString();
        mvc.perform(post("/api/v1/users/" + id + "/deactivate").with(bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.deactivatedAt").isNotEmpty());
        mvc.perform(post("/api/v1/users/" + id + "/deactivate").with(bearer(owner)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/trail").param("action", "user.deactivated").with(bearer(owner)))
                .andExpect(jsonPath("$.length()").value(1));
    }

    private int userCount() throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/users").with(bearer(owner)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .size();
    }

    /** An API token issued by {@code user} themselves (so it acts for that user), with the user's role. */
    private String tokenOf(io.serviceproof.identity.users.UserAccount user, String name, int days) {
        Actor actor =
                new Actor(tenant.organisation().id(), Actor.Kind.USER, user.id().toString(), user.email(), user.role());
        return Tenancy.callAs(
                actor,
                () -> context.getBean(TransactionTemplate.class)
                        .execute(status -> context.getBean(ApiTokens.class)
                                .issue(new NewToken(name, user.role(), days))
                                .secret()));
    }
}
