package io.serviceproof.services;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API contract versions of the acting organisation's layers. */
@Repository
class ApiContractRows {

    private final JdbcClient jdbc;

    ApiContractRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiContract c, String content) {
        jdbc.sql("""
                        INSERT INTO api_contracts (id, organisation_id, layer_id, version, title, api_version, openapi_version,
                                                   operations, content, sha256, breaking, uploaded_at, uploaded_by, ledger_index)
                        VALUES (:id, :organisationId, :layerId, :version, :title, :apiVersion, :openapiVersion,
                                :operations, :content, :sha256, :breaking, :at, :by, :ledgerIndex)
                        """)
                .param("id", c.id())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("layerId", c.layerId())
                .param("version", c.version())
                .param("title", c.title())
                .param("apiVersion", c.apiVersion())
                .param("openapiVersion", c.openapiVersion())
                .param("operations", c.operations())
                .param("content", content)
                .param("sha256", c.sha256())
                .param("breaking", c.breaking())
                .param("at", Timestamps.toMillis(c.uploadedAt()))
                .param("by", c.uploadedBy())
                .param("ledgerIndex", c.ledgerIndex())
                .update();
    }

    List<ApiContract> of(String layerId) {
        return jdbc.sql("""
                        SELECT * FROM api_contracts WHERE organisation_id = :organisationId AND layer_id = :layerId
                        ORDER BY version DESC
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("layerId", layerId)
                .query(ApiContractRows::map)
                .list();
    }

    Optional<ApiContract> find(String layerId, int version) {
        return jdbc.sql("""
                        SELECT * FROM api_contracts
                        WHERE organisation_id = :organisationId AND layer_id = :layerId AND version = :version
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("layerId", layerId)
                .param("version", version)
                .query(ApiContractRows::map)
                .optional();
    }

    String content(String layerId, int version) {
        return jdbc.sql("""
                        SELECT content FROM api_contracts
                        WHERE organisation_id = :organisationId AND layer_id = :layerId AND version = :version
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("layerId", layerId)
                .param("version", version)
                .query(String.class)
                .single();
    }

    private static ApiContract map(ResultSet row, int n) throws SQLException {
        return new ApiContract(
                row.getString("id"),
                row.getString("layer_id"),
                row.getInt("version"),
                row.getString("title"),
                row.getString("api_version"),
                row.getString("openapi_version"),
                row.getInt("operations"),
                row.getString("sha256"),
                row.getBoolean("breaking"),
                Timestamps.instant(row, "uploaded_at"),
                row.getString("uploaded_by"),
                row.getLong("ledger_index"));
    }
}
