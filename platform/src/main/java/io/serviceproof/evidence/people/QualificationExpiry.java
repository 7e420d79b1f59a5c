package io.serviceproof.evidence.people;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Notifications;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Warns about qualifications that lapse: once when one enters its last 30 days, once when it has
 * lapsed. The technician (if they have an account), owners and compliance managers are told. Each
 * notice is claimed with a conditional update first, so a second run or a second node sends none.
 */
@Component
class QualificationExpiry {

    static final int WARN_DAYS = 30;

    private static final Logger log = LoggerFactory.getLogger(QualificationExpiry.class);

    private final People people;
    private final PeopleRows rows;
    private final OrganisationDirectory organisations;
    private final UserAccounts users;
    private final Notifications notifications;

    QualificationExpiry(
            People people,
            PeopleRows rows,
            OrganisationDirectory organisations,
            UserAccounts users,
            Notifications notifications) {
        this.people = people;
        this.rows = rows;
        this.organisations = organisations;
        this.users = users;
        this.notifications = notifications;
    }

    @Scheduled(cron = "${serviceproof.evidence.expiry-cron:0 7 * * * *}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "qualification-expiry", lockAtMostFor = "PT10M")
    void run() {
        for (Organisation organisation : organisations.all()) {
            try {
                notice(organisation);
            } catch (RuntimeException e) {
                log.error("Qualification expiry notices failed for organisation {}", organisation.slug(), e);
            }
        }
    }

    /** Sends the notices due in one organisation; returns how many qualifications were noticed. */
    int notice(Organisation organisation) {
        return Tenancy.callAs(Actor.system(organisation.id(), "system:qualification-expiry"), () -> {
            LocalDate today = people.today();
            int sent = 0;
            for (Qualification q : people.endingWithin(WARN_DAYS)) {
                boolean lapsed = q.validUntil().isBefore(today);
                String stage = lapsed ? "expired" : "soon";
                String was = rows.noticed(q.id());
                if (was.equals(stage) || was.equals("expired") || !rows.markNoticed(q.id(), was, stage)) {
                    continue;
                }
                Technician technician = people.technician(q.technicianId());
                String key = lapsed ? "notification.qualification.expired" : "notification.qualification.expiring";
                for (UserAccount user : recipients(technician)) {
                    notifications.notify(
                            user.id(),
                            key,
                            List.of(technician.name(), q.name(), q.validUntil().toString()),
                            "/people/" + technician.id());
                }
                sent++;
            }
            return sent;
        });
    }

    private List<UserAccount> recipients(Technician technician) {
        return users.list().stream()
                .filter(UserAccount::active)
                .filter(u -> u.role() == Role.OWNER
                        || u.role() == Role.COMPLIANCE_MANAGER
                        || u.id().toString().equals(technician.userId()))
                .toList();
    }
}
