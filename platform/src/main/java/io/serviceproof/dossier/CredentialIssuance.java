package io.serviceproof.dossier;

import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.sla.SlaTracker;
import org.springframework.stereotype.Service;

/**
 * Issuing a credential with facts as of the moment of issue: the SLA tracker first reads the
 * organisation's log up to now (outside the issuing transaction, which on SQLite holds the one
 * write lock), so the attainment and breaches a credential states are those the SLA pages show,
 * not those of the tracker's last tick.
 */
@Service
public class CredentialIssuance {

    private final Credentials credentials;
    private final SlaTracker tracker;
    private final OrganisationDirectory organisations;

    CredentialIssuance(Credentials credentials, SlaTracker tracker, OrganisationDirectory organisations) {
        this.credentials = credentials;
        this.tracker = tracker;
        this.organisations = organisations;
    }

    /** See {@link Credentials#issue(String, String)}. */
    public Credential issue(String assessmentId, String belowReadinessReason) {
        tracker.track(organisations.current());
        return credentials.issue(assessmentId, belowReadinessReason);
    }
}
