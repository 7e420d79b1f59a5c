package io.serviceproof.identity.users;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.identity.OrganisationId;
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

/** Creates, lists and deactivates the users of the acting organisation. */
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
        trail.record("user.created", "user", user.id().toString(), email + " as " + user.role());
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
        users.deactivate(id, clock.instant());
        trail.record("user.deactivated", "user", id.toString(), user.email());
        tokens.revokeAllOf(id.toString());
        return get(id);
    }

    public long countActive() {
        return users.countActive();
    }

    /** For sign-in only: the account and hash behind an e-mail, in whichever organisation it is. */
    public Optional<Credentials> credentialsFor(String email) {
        return users.findCredentials(email.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether a signed-in session still belongs to an active account (checked on every request). */
    public boolean isActive(UserId id, OrganisationId organisationId) {
        return users.isActive(id, organisationId);
    }
}
