package io.serviceproof.admin;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.tokens.ApiTokens;
import io.serviceproof.identity.tokens.IssuedToken;
import io.serviceproof.identity.tokens.NewToken;
import io.serviceproof.identity.users.NewUser;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the admin commands do, acting as the {@code system:admin} actor of the named organisation
 * so that every change lands in that organisation's trail like any other.
 */
@Component
class AdminOperations {

    private static final String ACTOR = "system:admin";

    private final OrganisationDirectory organisations;
    private final UserAccounts users;
    private final ApiTokens tokens;
    private final TransactionTemplate transaction;
    private final Validator validator;

    AdminOperations(
            OrganisationDirectory organisations,
            UserAccounts users,
            ApiTokens tokens,
            TransactionTemplate transaction,
            Validator validator) {
        this.organisations = organisations;
        this.users = users;
        this.tokens = tokens;
        this.transaction = transaction;
        this.validator = validator;
    }

    Organisation createOrganisation(String slug, String name, String description, boolean publicLog) {
        return organisations.create(slug, name, description, publicLog);
    }

    List<Organisation> organisations() {
        return organisations.all();
    }

    UserAccount createUser(String slug, NewUser request) {
        validate(request);
        return as(slug, () -> users.create(request));
    }

    IssuedToken issueToken(String slug, NewToken request) {
        validate(request);
        return as(slug, () -> tokens.issue(request));
    }

    private <T> T as(String slug, Supplier<T> work) {
        Organisation organisation = organisations.requireBySlug(slug);
        return Tenancy.callAs(Actor.system(organisation.id(), ACTOR), () -> transaction.execute(status -> work.get()));
    }

    private <T> void validate(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
    }

    static Role role(String text) {
        try {
            return Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown role '" + text + "'; use one of " + Arrays.toString(Role.values()));
        }
    }
}
