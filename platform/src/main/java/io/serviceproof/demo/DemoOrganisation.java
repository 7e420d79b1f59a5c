package io.serviceproof.demo;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.users.NewUser;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo organisation and its users on the first start. The README states these
 * credentials; they are for exploring a local installation (set SERVICEPROOF_DEMO=false in
 * production).
 */
@Component
@ConditionalOnProperty(name = "serviceproof.demo.enabled", havingValue = "true")
class DemoOrganisation {

    static final String SLUG = "demo";
    static final String PASSWORD = "demo-password-2026";

    static final List<NewUser> USERS = List.of(
            new NewUser("owner@demo.serviceproof.io", "Chen Wei (owner)", Role.OWNER, PASSWORD),
            new NewUser("compliance@demo.serviceproof.io", "Li Na (compliance)", Role.COMPLIANCE_MANAGER, PASSWORD),
            new NewUser("engineer@demo.serviceproof.io", "Zhang Jun (remote technician)", Role.ENGINEER, PASSWORD),
            new NewUser("auditor@demo.serviceproof.io", "Nguyen Thi Mai (external auditor)", Role.AUDITOR, PASSWORD));

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private final OrganisationDirectory organisations;
    private final UserAccounts users;
    private final TransactionTemplate transaction;
    private final DemoEvidence evidence;
    private final DemoServices services;
    private final DemoPeople people;
    private final DemoAssessments assessments;
    private final DemoEvents events;

    DemoOrganisation(
            OrganisationDirectory organisations,
            UserAccounts users,
            TransactionTemplate transaction,
            DemoEvidence evidence,
            DemoServices services,
            DemoPeople people,
            DemoAssessments assessments,
            DemoEvents events) {
        this.organisations = organisations;
        this.users = users;
        this.transaction = transaction;
        this.evidence = evidence;
        this.services = services;
        this.people = people;
        this.assessments = assessments;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void seedOnFirstStart() {
        if (organisations.findBySlug(SLUG).isPresent()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            Organisation demo = organisations.create(
                    SLUG,
                    "Haiphong Precision Machinery (demo)",
                    "Demo data. A machine maker exporting a CNC machining line with AI remote quality inspection, "
                            + "cloud-based remote maintenance and a warehouse SaaS to Vietnam and Thailand.",
                    true);
            List<UserAccount> created = Tenancy.callAs(
                    Actor.system(demo.id(), "system:demo-seed"),
                    () -> USERS.stream().map(users::create).toList());
            UserAccount compliance = DemoEvidence.withRole(created, Role.COMPLIANCE_MANAGER);
            var layers = services.seed(demo, compliance);
            evidence.seed(demo, DemoEvidence.withRole(created, Role.ENGINEER), compliance, layers);
            people.seed(demo, compliance, DemoEvidence.withRole(created, Role.ENGINEER), layers);
            events.seed(demo);
            assessments.seed(demo, compliance);
        });
        log.info(
                "Created the demo organisation '{}' with {} users (see README for their credentials)",
                SLUG,
                USERS.size());
    }
}
