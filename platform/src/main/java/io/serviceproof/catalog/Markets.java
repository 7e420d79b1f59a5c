package io.serviceproof.catalog;

import io.serviceproof.identity.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Market profiles and the rules that say why something applies there. */
@Repository
class Markets {

    private final JdbcClient jdbc;

    Markets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Market market, String libraryKey) {
        jdbc.sql("""
                        INSERT INTO catalog_markets (id, organisation_id, code, name_en, name_zh, languages,
                            standards_body, accreditation_body, relies_on, notes, not_covered, prov_tag, prov_source, verified, prov_reviewer, prov_reviewed_on,
                            library_key)
                        VALUES (:id, :organisationId, :code, :nameEn, :nameZh, :languages, :standardsBody,
                            :accreditationBody, :reliesOn, :notes, :notCovered, :provTag, :provSource, :verified, :reviewer, :reviewedOn, :libraryKey)
                        """)
                .param("id", market.id())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("code", market.code())
                .param("nameEn", market.nameEn())
                .param("nameZh", market.nameZh())
                .param("languages", String.join(" ", market.languages()))
                .param("standardsBody", market.standardsBody())
                .param("accreditationBody", market.accreditationBody())
                .param("reliesOn", String.join(" ", market.reliesOn()))
                .param("notes", market.notes())
                .param("notCovered", market.notCovered())
                .param("provTag", market.provenance().tag().name())
                .param("provSource", market.provenance().source())
                .param("verified", market.provenance().verified())
                .param("reviewer", market.provenance().reviewer())
                .param("reviewedOn", Frameworks.reviewedOn(market.provenance()))
                .param("libraryKey", libraryKey)
                .update();
    }

    void insertRule(MarketRule rule, String libraryKey) {
        jdbc.sql("""
                        INSERT INTO catalog_market_rules (id, organisation_id, market_id, framework_key,
                            framework_edition, requirement_ref, basis, reason_en, reason_zh, prov_tag, prov_source,
                            verified, prov_reviewer, prov_reviewed_on, library_key)
                        VALUES (:id, :organisationId, :marketId, :frameworkKey, :frameworkEdition, :requirementRef,
                            :basis, :reasonEn, :reasonZh, :provTag, :provSource, :verified, :reviewer, :reviewedOn, :libraryKey)
                        """)
                .param("id", rule.id())
                .param("organisationId", Tenancy.organisationId().toString())
                .param("marketId", rule.marketId())
                .param("frameworkKey", rule.frameworkKey())
                .param("frameworkEdition", rule.frameworkEdition())
                .param("requirementRef", rule.requirementRef())
                .param("basis", rule.basis())
                .param("reasonEn", rule.reasonEn())
                .param("reasonZh", rule.reasonZh())
                .param("provTag", rule.provenance().tag().name())
                .param("provSource", rule.provenance().source())
                .param("verified", rule.provenance().verified())
                .param("reviewer", rule.provenance().reviewer())
                .param("reviewedOn", Frameworks.reviewedOn(rule.provenance()))
                .param("libraryKey", libraryKey)
                .update();
    }

    List<Market> findAll() {
        return jdbc.sql("SELECT * FROM catalog_markets WHERE organisation_id = :organisationId ORDER BY code")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(Markets::map)
                .list();
    }

    Optional<Market> findByCode(String code) {
        return jdbc.sql("SELECT * FROM catalog_markets WHERE organisation_id = :organisationId AND code = :code")
                .param("organisationId", Tenancy.organisationId().toString())
                .param("code", code)
                .query(Markets::map)
                .optional();
    }

    List<MarketRule> rules(String marketId) {
        return jdbc.sql("""
                        SELECT * FROM catalog_market_rules WHERE organisation_id = :organisationId
                          AND market_id = :marketId ORDER BY basis, framework_key
                        """)
                .param("organisationId", Tenancy.organisationId().toString())
                .param("marketId", marketId)
                .query(Markets::rule)
                .list();
    }

    List<MarketRule> allRules() {
        return jdbc.sql("SELECT * FROM catalog_market_rules WHERE organisation_id = :organisationId ORDER BY id")
                .param("organisationId", Tenancy.organisationId().toString())
                .query(Markets::rule)
                .list();
    }

    List<String> libraryKeys() {
        return LibraryRows.keys(jdbc, "catalog_markets");
    }

    /** Unedited library markets go (their rules cascade) before a newer release inserts its own. */
    int deleteUnmodifiedLibraryRows() {
        String organisationId = Tenancy.organisationId().toString();
        jdbc.sql("""
                        DELETE FROM catalog_market_rules WHERE organisation_id = :organisationId
                          AND library_key IS NOT NULL AND locally_modified = FALSE
                          AND market_id IN (SELECT id FROM catalog_markets WHERE organisation_id = :organisationId
                                            AND library_key IS NOT NULL AND locally_modified = FALSE)
                        """).param("organisationId", organisationId).update();
        return jdbc.sql("""
                        DELETE FROM catalog_markets WHERE organisation_id = :organisationId
                          AND library_key IS NOT NULL AND locally_modified = FALSE
                          AND NOT EXISTS (SELECT 1 FROM catalog_market_rules r WHERE r.market_id = catalog_markets.id)
                        """).param("organisationId", organisationId).update();
    }

    private static Market map(ResultSet row, int rowNum) throws SQLException {
        return new Market(
                row.getString("id"),
                row.getString("code"),
                row.getString("name_en"),
                row.getString("name_zh"),
                words(row.getString("languages")),
                row.getString("standards_body"),
                row.getString("accreditation_body"),
                words(row.getString("relies_on")),
                row.getString("notes"),
                row.getString("not_covered"),
                Frameworks.provenance(row));
    }

    private static MarketRule rule(ResultSet row, int rowNum) throws SQLException {
        return new MarketRule(
                row.getString("id"),
                row.getString("market_id"),
                row.getString("framework_key"),
                row.getString("framework_edition"),
                row.getString("requirement_ref"),
                row.getString("basis"),
                row.getString("reason_en"),
                row.getString("reason_zh"),
                Frameworks.provenance(row));
    }

    private static List<String> words(String column) {
        return column == null || column.isBlank() ? List.of() : Arrays.asList(column.split(" "));
    }
}
