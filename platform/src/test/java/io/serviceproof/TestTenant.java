package io.serviceproof;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.tokens.ApiTokens;
import io.serviceproof.identity.tokens.NewToken;
import io.serviceproof.identity.users.NewUser;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organisation made for one test: a user of every role (password {@link #PASSWORD}) and a token
 * of every role, so a test can act as anyone inside it.
 */
public record TestTenant(
        Organisation organisation, Map<Role, UserAccount> users, Map<Role, String> tokens, String tokenIdOfEngineer) {

    public static final String PASSWORD = "correct-horse-battery";

    public static TestTenant create(ApplicationContext context, String name) {
        OrganisationDirectory directory = context.getBean(OrganisationDirectory.class);
        UserAccounts users = context.getBean(UserAccounts.class);
        ApiTokens tokens = context.getBean(ApiTokens.class);
        TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Organisation organisation = directory.create(name + "-" + suffix, name + " Ltd", "test organisation", false);
        return Tenancy.callAs(
                Actor.system(organisation.id(), "system:test"),
                () -> transaction.execute(status -> {
                    Map<Role, UserAccount> userByRole = new EnumMap<>(Role.class);
                    Map<Role, String> tokenByRole = new EnumMap<>(Role.class);
                    String engineerTokenId = null;
                    for (Role role : Role.values()) {
                        String email = role.name().toLowerCase() + "@" + organisation.slug() + ".test";
                        userByRole.put(role, users.create(new NewUser(email, role + " of " + name, role, PASSWORD)));
                        var issued = tokens.issue(new NewToken(role.name().toLowerCase() + "-token", role, 30));
                        tokenByRole.put(role, issued.secret());
                        if (role == Role.ENGINEER) {
                            engineerTokenId = issued.token().id().toString();
                        }
                    }
                    return new TestTenant(organisation, userByRole, tokenByRole, engineerTokenId);
                }));
    }

    public String token(Role role) {
        return tokens.get(role);
    }

    public UserAccount user(Role role) {
        return users.get(role);
    }
}
