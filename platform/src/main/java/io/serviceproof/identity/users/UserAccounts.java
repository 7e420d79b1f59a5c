package io.serviceproof.identity.users;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.identity.tokens.ApiTokens;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists, re-roles and deactivates the users of the acting organisation. */
@Service
public class UserAccounts {

    private final Users users;
    private final PasswordEncoder passwordEncoder;
    private final UserActionTrail trail;
    private final Clock clock;
    private final ApiTokens tokens;

    UserAccounts(Users users, PasswordEncoder passwordEncoder, UserActionTrail trail, Clock clock, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public UserAccount create(NewUser request) {
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        if (users.emailTaken(email)) {
            throw new ConflictException("A user with e-mail " + email + " already exists");
        }
        UserAccount user = new UserAccount(
                UserId.random(), email, request.displayName().strip(), request.role(), true, clock.instant(), null);
        users.insert(user, passwordEncoder.encode(request.password()));
        trail.record(
                "user.created",
                "user",
                user.id().toString(),
                Phrase.of(
                        "trail.detail.user-as",
                        email,
                        Phrase.term("role." + user.role().name())));
        return user;
    }

    public List<UserAccount> list() {
        return users.findAll();
    }

    public UserAccount get(UserId id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    @Transactional
    public UserAccount deactivate(UserId id) {
        UserAccount user = get(id);
        if (Tenancy.actor().id().equals(id.toString())) {
            throw new ConflictException("You cannot deactivate your own account");
        }
        if (!user.active()) {
            return user;
        }
        keepAnOwner(user);
        users.deactivate(id, clock.instant());
        trail.record("user.deactivated", "user", id.toString(), user.email());
        tokens.revokeAllOf(id.toString());
        return get(id);
    }

    /**
     * Gives a user another role. Their API tokens are revoked (a token carries the role it was
     * issued with, and must not outlive a demotion) and their signed-in sessions end at their next
     * request. An owner cannot change their own role, so an organisation always keeps an owner.
     */
    @Transactional
    public UserAccount changeRole(UserId id, Role role) {
        UserAccount user = get(id);
        if (Tenancy.actor().id().equals(id.toString())) {
            throw new ConflictException("You cannot change your own role");
        }
        if (!user.active()) {
            throw new ConflictException("A deactivated user's role cannot be changed");
        }
        if (user.role() == role) {
            return user;
        }
        keepAnOwner(user);
        users.changeRole(id, role);
        trail.record(
                "user.role-changed",
                "user",
                id.toString(),
                Phrase.of(
                        "trail.detail.role-changed",
                        Phrase.term("role." + user.role().name()),
                        Phrase.term("role." + role.name())));
        tokens.revokeAllOf(id.toString());
        return get(id);
    }

    /**
     * Refuses to demote or deactivate the last active owner. The own-account checks cover people in
     * the UI; this covers an owner's API token acting on its own user, and holds the invariant itself.
     */
    private void keepAnOwner(UserAccount user) {
        if (user.role() == Role.OWNER && users.countActiveOwners() <= 1) {
            throw new ConflictException("An organisation keeps at least one active owner");
        }
    }

    public long countActive() {
        return users.countActive();
    }

    /** For sign-in only: the account and hash behind an e-mail, in whichever organisation it is. */
    public Optional<Credentials> credentialsFor(String email) {
        return users.findCredentials(email.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The role of an active account, empty for a deactivated one: a signed-in session is checked
     * against it on every request, so deactivation and role changes take effect at once.
     */
    public Optional<Role> activeRole(UserId id, OrganisationId organisationId) {
        return users.activeRole(id, organisationId);
    }
}
