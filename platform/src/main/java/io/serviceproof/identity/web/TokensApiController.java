package io.serviceproof.identity.web;

import io.serviceproof.identity.Role;
import io.serviceproof.identity.tokens.ApiToken;
import io.serviceproof.identity.tokens.ApiTokens;
import io.serviceproof.identity.tokens.IssuedToken;
import io.serviceproof.identity.tokens.NewToken;
import io.serviceproof.identity.tokens.TokenId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tokens", description = "API tokens of the token's organisation (OWNER tokens only)")
@RestController
@RequestMapping("/api/v1/tokens")
class TokensApiController {

    private final ApiTokens tokens;
    private final Clock clock;

    TokensApiController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    record CreateTokenRequest(
            @NotBlank @Size(max = 80) String name,
            @NotNull Role role,
            @Min(1) @Max(NewToken.MAX_LIFETIME_DAYS) Integer expiresInDays) {}

    record TokenResponse(
            String id,
            String name,
            Role role,
            String secretPrefix,
            String status,
            String createdBy,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt) {

        static TokenResponse of(ApiToken token, Instant now) {
            return new TokenResponse(
                    token.id().toString(),
                    token.name(),
                    token.role(),
                    token.secretPrefix(),
                    token.statusAt(now).name(),
                    token.createdBy(),
                    token.createdAt(),
                    token.expiresAt(),
                    token.revokedAt(),
                    token.lastUsedAt());
        }
    }

    /** The only response that ever contains the secret. */
    record CreatedTokenResponse(TokenResponse token, String secret) {}

    @Operation(summary = "List the organisation's tokens (never their secrets)")
    @GetMapping
    List<TokenResponse> list() {
        Instant now = clock.instant();
        return tokens.list().stream().map(t -> TokenResponse.of(t, now)).toList();
    }

    @Operation(summary = "Get one token")
    @GetMapping("/{id}")
    TokenResponse get(@PathVariable TokenId id) {
        return TokenResponse.of(tokens.get(id), clock.instant());
    }

    @Operation(summary = "Issue a token", description = "The secret is returned once and cannot be retrieved again.")
    @PostMapping
    ResponseEntity<CreatedTokenResponse> create(@Valid @RequestBody CreateTokenRequest request) {
        int days = request.expiresInDays() == null ? NewToken.DEFAULT_LIFETIME_DAYS : request.expiresInDays();
        IssuedToken issued = tokens.issue(new NewToken(request.name(), request.role(), days));
        return ResponseEntity.created(
                        URI.create("/api/v1/tokens/" + issued.token().id()))
                .body(new CreatedTokenResponse(TokenResponse.of(issued.token(), clock.instant()), issued.secret()));
    }

    @Operation(summary = "Revoke a token", description = "Takes effect on the token's next request.")
    @DeleteMapping("/{id}")
    TokenResponse revoke(@PathVariable TokenId id) {
        return TokenResponse.of(tokens.revoke(id), clock.instant());
    }
}
