package io.serviceproof.services;

import io.serviceproof.common.persistence.Timestamps;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.services.content.ContentJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Layers and their published versions, confined to the acting organisation. */
@Repository
class LayerRows {

    private final JdbcClient jdbc;

    LayerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ServiceLayer layer) {
        jdbc.sql("""
                        INSERT INTO service_layers (id, organisation_id, offering_id, code, name, template, owner_id, draft,
                                                    draft_updated_at, draft_updated_by, latest_version, created_at)
                        VALUES (:id, :organisationId, :offeringId, :code, :name, :template, :ownerId, :draft,
                                :updatedAt, :updatedBy, 0, :createdAt)
                        """)
                .param("id", layer.id())
                .param("organisationId", organisation())
                .param("offeringId", layer.offeringId())
                .param("code", layer.code())
                .param("name", layer.name())
                .param("template", layer.template())
                .param("ownerId", layer.ownerId())
                .param("draft", ContentJson.toJson(layer.draft()))
                .param("updatedAt", Timestamps.toMillis(layer.draftUpdatedAt()))
                .param("updatedBy", layer.draftUpdatedBy())
                .param("createdAt", Timestamps.toMillis(layer.createdAt()))
                .update();
    }

    void saveDraft(String id, String draftJson, java.time.Instant at, String by) {
        jdbc.sql("""
                        UPDATE service_layers SET draft = :draft, draft_updated_at = :at, draft_updated_by = :by
                        WHERE organisation_id = :organisationId AND id = :id
                        """)
                .param("draft", draftJson)
                .param("at", Timestamps.toMillis(at))
                .param("by", by)
                .param("organisationId", organisation())
                .param("id", id)
                .update();
    }

    /** Claims the next version number; false if someone else published {@code expected + 1} first. */
    boolean advance(String id, int expected) {
        return jdbc.sql("""
                                UPDATE service_layers SET latest_version = :next
                                WHERE organisation_id = :organisationId AND id = :id AND latest_version = :expected
                                """)
                        .param("next", expected + 1)
                        .param("expected", expected)
                        .param("organisationId", organisation())
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean codeTaken(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM service_layers WHERE organisation_id = :organisationId AND code = :code")
                        .param("organisationId", organisation())
                        .param("code", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<ServiceLayer> find(String id) {
        return jdbc.sql("SELECT * FROM service_layers WHERE organisation_id = :organisationId AND id = :id")
                .param("organisationId", organisation())
                .param("id", id)
                .query(LayerRows::map)
                .optional();
    }

    List<ServiceLayer> ofOffering(String offeringId) {
        return jdbc.sql("""
                        SELECT * FROM service_layers WHERE organisation_id = :organisationId AND offering_id = :offeringId
                        ORDER BY created_at, id
                        """)
                .param("organisationId", organisation())
                .param("offeringId", offeringId)
                .query(LayerRows::map)
                .list();
    }

    List<ServiceLayer> findAll() {
        return jdbc.sql(
                        "SELECT * FROM service_layers WHERE organisation_id = :organisationId ORDER BY created_at, code, id")
                .param("organisationId", organisation())
                .query(LayerRows::map)
                .list();
    }

    void insertVersion(LayerVersion version) {
        jdbc.sql("""
                        INSERT INTO service_layer_versions (id, organisation_id, layer_id, version, content, sha256,
                                                            published_at, published_by, ledger_index)
                        VALUES (:id, :organisationId, :layerId, :version, :content, :sha256, :at, :by, :ledgerIndex)
                        """)
                .param("id", version.id())
                .param("organisationId", organisation())
                .param("layerId", version.layerId())
                .param("version", version.version())
                .param("content", version.canonicalJson())
                .param("sha256", version.sha256())
                .param("at", Timestamps.toMillis(version.publishedAt()))
                .param("by", version.publishedBy())
                .param("ledgerIndex", version.ledgerIndex())
                .update();
    }

    List<LayerVersion> versions(String layerId) {
        return jdbc.sql("""
                        SELECT * FROM service_layer_versions WHERE organisation_id = :organisationId AND layer_id = :layerId
                        ORDER BY version DESC
                        """)
                .param("organisationId", organisation())
                .param("layerId", layerId)
                .query(LayerRows::version)
                .list();
    }

    Optional<LayerVersion> version(String layerId, int number) {
        return jdbc.sql("""
                        SELECT * FROM service_layer_versions
                        WHERE organisation_id = :organisationId AND layer_id = :layerId AND version = :version
                        """)
                .param("organisationId", organisation())
                .param("layerId", layerId)
                .param("version", number)
                .query(LayerRows::version)
                .optional();
    }

    private static String organisation() {
        return Tenancy.organisationId().toString();
    }

    private static ServiceLayer map(ResultSet row, int n) throws SQLException {
        return new ServiceLayer(
                row.getString("id"),
                row.getString("offering_id"),
                row.getString("code"),
                row.getString("name"),
                row.getString("template"),
                row.getString("owner_id"),
                ContentJson.fromJson(row.getString("draft")),
                Timestamps.instant(row, "draft_updated_at"),
                row.getString("draft_updated_by"),
                row.getInt("latest_version"),
                Timestamps.instant(row, "created_at"));
    }

    private static LayerVersion version(ResultSet row, int n) throws SQLException {
        return new LayerVersion(
                row.getString("id"),
                row.getString("layer_id"),
                row.getInt("version"),
                row.getString("content"),
                row.getString("sha256"),
                Timestamps.instant(row, "published_at"),
                row.getString("published_by"),
                row.getLong("ledger_index"));
    }
}
