package io.serviceproof.identity.tokens;

import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Issues, lists, revokes and authenticates the API tokens of the acting organisation. */
@Service
public class ApiTokens {

    /** Recording every use would turn each API read into a write; once a minute is enough to audit. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final Tokens tokens;
    private final UserActionTrail trail;
    private final Clock clock;

    ApiTokens(Tokens tokens, UserActionTrail trail, Clock clock) {
        this.tokens = tokens;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public IssuedToken issue(NewToken request) {
        String secret = TokenSecrets.generate();
        Instant now = clock.instant();
        ApiToken token = new ApiToken(
                TokenId.random(),
                request.name().strip(),
                request.role(),
                TokenSecrets.displayPrefix(secret),
                Tenancy.actor().name(),
                now,
                now.plus(Duration.ofDays(request.expiresInDays())),
                null,
                null);
        tokens.insert(token, TokenSecrets.sha256(secret), issuingUser());
        trail.record(
                "token.created",
                "token",
                token.id().toString(),
                Phrase.of(
                        "trail.detail.token-as",
                        token.name(),
                        Phrase.term("role." + token.role().name())));
        return new IssuedToken(token, secret);
    }

    /** The user a new token acts for: the signed-in user, or the user of the token that mints it. */
    private String issuingUser() {
        Actor actor = Tenancy.actor();
        return switch (actor.kind()) {
            case USER -> actor.id();
            case TOKEN -> tokens.userOf(TokenId.valueOf(actor.id())).orElse(null);
            default -> null;
        };
    }

    /**
     * Revokes every token acting for a user, e.g. when the user is deactivated or their role changes,
     * in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int revokeAllOf(String userId) {
        int revoked = tokens.revokeAllOf(userId, clock.instant());
        if (revoked > 0) {
            trail.record("token.revoked-with-user", "user", userId, Phrase.of("trail.detail.tokens-revoked", revoked));
        }
        return revoked;
    }

    public List<ApiToken> list() {
        return tokens.findAll();
    }

    public ApiToken get(TokenId id) {
        return tokens.findById(id).orElseThrow(() -> new NotFoundException("Token", id));
    }

    @Transactional
    public ApiToken revoke(TokenId id) {
        ApiToken token = get(id);
        if (token.revokedAt() == null) {
            tokens.revoke(id, clock.instant());
            trail.record("token.revoked", "token", id.toString(), token.name());
        }
        return get(id);
    }

    public long countActive() {
        return tokens.countActive(clock.instant());
    }

    /** The actor behind a presented secret, if it is a known, unrevoked, unexpired token. */
    @Transactional
    public Optional<Actor> authenticate(String secret) {
        if (secret == null || !secret.startsWith(TokenSecrets.PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findBySecretSha256(TokenSecrets.sha256(secret))
                .filter(bearer -> bearer.token().statusAt(now) == ApiToken.Status.ACTIVE)
                .map(bearer -> {
                    ApiToken token = bearer.token();
                    if (token.lastUsedAt() == null
                            || token.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
                        tokens.touch(token.id(), now);
                    }
                    return new Actor(
                            bearer.organisationId(),
                            Actor.Kind.TOKEN,
                            token.id().toString(),
                            "token:" + token.name(),
                            token.role());
                });
    }
}
