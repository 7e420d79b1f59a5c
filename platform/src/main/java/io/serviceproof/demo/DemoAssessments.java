package io.serviceproof.demo;

import io.serviceproof.assessment.Assessments;
import io.serviceproof.dossier.CredentialIssuance;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.services.Offerings;
import org.springframework.stereotype.Component;

/**
 * One assessment of the demo offering per target market, derived from the demo's evidence, layers
 * and people; the Thai one signed off, so a frozen, logged result is there to inspect too.
 */
@Component
class DemoAssessments {

    private final Assessments assessments;
    private final Offerings offerings;

    private final CredentialIssuance credentials;

    DemoAssessments(Assessments assessments, Offerings offerings, CredentialIssuance credentials) {
        this.assessments = assessments;
        this.offerings = offerings;
        this.credentials = credentials;
    }

    void seed(Organisation demo, UserAccount compliance) {
        Actor actor = new Actor(
                demo.id(), Actor.Kind.USER, compliance.id().toString(), compliance.email(), compliance.role());
        Tenancy.runAs(actor, () -> {
            var offering = offerings.offerings().get(0);
            for (String market : offering.markets()) {
                String id = assessments.create(offering.id(), market).id();
                if (market.equals("TH")) {
                    assessments.signOff(id);
                    // The signed-off Thai assessment, attested as a verifiable credential: a self-declaration
                    // of where the exporter stands, gaps included, so it is issued below the bar on purpose.
                    credentials.issue(
                            id, "Demo: a self-declaration of the current state for a Thai buyer, gaps included");
                }
            }
        });
    }
}
