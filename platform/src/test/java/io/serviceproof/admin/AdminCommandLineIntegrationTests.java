package io.serviceproof.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.ServiceProofApplication;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.tokens.ApiTokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The admin entry point, as an operator's script would use it. */
class AdminCommandLineIntegrationTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String database;

    @BeforeEach
    void ownDatabase() {
        // The admin command starts its own Spring context; the test database initializer reads this.
        database = "admin" + UUID.randomUUID().toString().replace("-", "");
        System.setProperty("serviceproof.test.database-name", database);
        System.setProperty("serviceproof.demo.enabled", "true");
    }

    @AfterEach
    void clear() {
        System.clearProperty("serviceproof.test.database-name");
        System.clearProperty("serviceproof.demo.enabled");
    }

    @Test
    void adminTokenPrintsOnlyASecretThatAuthenticatesWithTheRequestedRole() {
        int exit = run("token", "--org", "demo", "--role", "engineer", "--name", "ci");

        assertThat(exit).as(err.toString()).isZero();
        String secret = out.toString().strip();
        assertThat(secret).startsWith("sp_").doesNotContain("\n");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ServiceProofApplication.class)
                .web(WebApplicationType.NONE)
                .run()) {
            Actor actor = app.getBean(ApiTokens.class).authenticate(secret).orElseThrow();
            assertThat(actor.role()).isEqualTo(Role.ENGINEER);
            assertThat(actor.name()).isEqualTo("token:ci");
        }
    }

    @Test
    void adminCreatesAnOrganisationAndAUserWithAGeneratedPassword() {
        assertThat(run("org", "create", "--slug", "acme", "--name", "Acme Machines"))
                .as(err.toString())
                .isZero();
        assertThat(run(
                        "user",
                        "create",
                        "--org",
                        "acme",
                        "--email",
                        "boss@acme.test",
                        "--name",
                        "Boss",
                        "--role",
                        "OWNER"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("acme ").contains("boss@acme.test ").containsPattern("password: \\S{16,}");
        out.getBuffer().setLength(0);
        assertThat(run("org", "list")).isZero();
        assertThat(out.toString()).contains("acme\tAcme Machines").contains("demo\t");
    }

    @Test
    void mistakesGiveAClearMessageAndANonZeroExit() {
        assertThat(run("token", "--org", "no-such-org", "--role", "ENGINEER")).isEqualTo(1);
        assertThat(err.toString()).contains("Organisation no-such-org not found");

        assertThat(run("token", "--org", "demo", "--role", "KING")).isEqualTo(1);
        assertThat(err.toString()).contains("KING");

        assertThat(run("token", "--org", "demo")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--role");
        assertThat(out.toString()).isEmpty();
    }

    private int run(String... args) {
        return AdminCommandLine.run(
                ServiceProofApplication.class, args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
