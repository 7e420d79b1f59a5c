package io.serviceproof.identity.tokens;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Token rows, confined to the acting organisation except the lookup by secret hash. */
@Repository
class Tokens {

    private final JdbcClient jdbc;

    Tokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiToken token, String secretSha256, String issuedForUserId) {
        jdbc.sql("""
                        INSERT INTO api_tokens (id, organisation_id, name, role, secret_sha256, secret_prefix,
                                                created_by, created_at, expires_at, issued_for_user_id)
                        VALUES (:id, :organisationId, :name, :role, :secretSha256, :secretPrefix,
                                :createdBy, :createdAt, :expiresAt, :issuedForUserId)
                        """)
                .param("issuedForUserId", issuedForUserId)
                .param("id", token.id().toString())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("name", token.name())
                .param("role", token.role().name())
                .param("secretSha256", secretSha256)
                .param("secretPrefix", token.secretPrefix())
                .param("createdBy", token.createdBy())
                .param("createdAt", Timestamps.toMillis(token.createdAt()))
                .param("expiresAt", Timestamps.toMillis(token.expiresAt()))
                .update();
    }

    List<ApiToken> findAll() {
        return jdbc.sql("SELECT * FROM api_tokens WHERE organisation_id = :organisationId ORDER BY created_at DESC, id")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(Tokens::map)
                .list();
    }

    Optional<ApiToken> findById(TokenId id) {
        return jdbc.sql("SELECT * FROM api_tokens WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id.toString())
                .query(Tokens::map)
                .optional();
    }

    void revoke(TokenId id, Instant at) {
        jdbc.sql("""
                        UPDATE api_tokens SET revoked_at = :at
                        WHERE organisation_id = :organisationId AND id = :id AND revoked_at IS NULL
                        """)
                .param("at", Timestamps.toMillis(at))
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id.toString())
                .update();
    }

    long countActive(Instant now) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM api_tokens
                        WHERE organisation_id = :organisationId AND revoked_at IS NULL
                          AND (expires_at IS NULL OR expires_at > :now)
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("now", Timestamps.toMillis(now))
                .query(Long.class)
                .single();
    }

    /**
     * Authentication happens before anyone acts, so this lookup is by secret hash alone. A token whose
     * user is no longer active is not found: it dies with its user even if revoking it failed.
     */
    Optional<Bearer> findBySecretSha256(String secretSha256) {
        return jdbc.sql("""
                        SELECT t.* FROM api_tokens t
                        LEFT JOIN users u ON u.id = t.issued_for_user_id
                        WHERE t.secret_sha256 = :secretSha256
                          AND (t.issued_for_user_id IS NULL OR u.active = TRUE)
                        """)
                .param("secretSha256", secretSha256)
                .query((row, n) -> new Bearer(OrganisationId.parse(row.getString("organisation_id")), map(row, n)))
                .optional();
    }

    /** The user a token acts for; for a token minted with a token, that token's user. */
    Optional<String> userOf(TokenId id) {
        return jdbc.sql(
                        "SELECT issued_for_user_id FROM api_tokens WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("id", id.toString())
                .query((row, n) -> Optional.ofNullable(row.getString(1)))
                .optional()
                .flatMap(user -> user);
    }

    /** Revokes every live token acting for a user; returns how many. */
    int revokeAllOf(String userId, Instant at) {
        return jdbc.sql("""
                        UPDATE api_tokens SET revoked_at = :at
                        WHERE organisation_id = :organisationId AND issued_for_user_id = :userId AND revoked_at IS NULL
                        """)
                .param("at", Timestamps.toMillis(at))
                .param("organisationId", Tenancy.organisationId().toString())
                .param("userId", userId)
                .update();
    }

    void touch(TokenId id, Instant at) {
        jdbc.sql("UPDATE api_tokens SET last_used_at = :at WHERE id = :id")
                .param("at", Timestamps.toMillis(at))
                .param("id", id.toString())
                .update();
    }

    record Bearer(OrganisationId organisationId, ApiToken token) {}

    private static ApiToken map(ResultSet row, int rowNum) throws SQLException {
        return new ApiToken(
                new TokenId(UUID.fromString(row.getString("id"))),
                row.getString("name"),
                Role.valueOf(row.getString("role")),
                row.getString("secret_prefix"),
                row.getString("created_by"),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "expires_at"),
                Timestamps.instant(row, "revoked_at"),
                Timestamps.instant(row, "last_used_at"));
    }
}
