package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import io.serviceproof.verifier.witness.WitnessPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each organisation's witness policy, as the text its owner set. */
@Repository
class WitnessPolicies {

    private final JdbcClient jdbc;

    WitnessPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WitnessPolicy> find(OrganisationId organisation) {
        return jdbc.sql("SELECT policy FROM log_witness_policies WHERE organisation_id = :org")
                .param("org", organisation.toString())
                .query(String.class)
                .optional()
                .map(WitnessPolicy::parse);
    }

    List<OrganisationId> organisations() {
        return jdbc.sql("SELECT organisation_id FROM log_witness_policies")
                .query((row, n) -> OrganisationId.parse(row.getString(1)))
                .list();
    }

    void save(OrganisationId organisation, String policy, Instant at) {
        jdbc.sql("""
                        INSERT INTO log_witness_policies (organisation_id, policy, updated_at) VALUES (:org, :policy, :at)
                        ON CONFLICT (organisation_id) DO UPDATE SET policy = :policy, updated_at = :at
                        """)
                .param("org", organisation.toString())
                .param("policy", policy)
                .param("at", at.toEpochMilli())
                .update();
    }
}
