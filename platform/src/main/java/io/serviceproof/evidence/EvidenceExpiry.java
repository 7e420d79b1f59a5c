package io.serviceproof.evidence;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Notifications;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.users.UserId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires approved evidence whose validity has ended, organisation by organisation, and tells each
 * item's owner (or, without an owner, whoever uploaded the version). Runs hourly by default
 * ({@code serviceproof.evidence.expiry-cron}); running it twice, or on two nodes, expires and
 * notifies each version once.
 */
@Component
class EvidenceExpiry {

    private static final Logger log = LoggerFactory.getLogger(EvidenceExpiry.class);

    private final Vault vault;
    private final OrganisationDirectory organisations;
    private final Notifications notifications;

    EvidenceExpiry(Vault vault, OrganisationDirectory organisations, Notifications notifications) {
        this.vault = vault;
        this.organisations = organisations;
        this.notifications = notifications;
    }

    @Scheduled(cron = "${serviceproof.evidence.expiry-cron:0 7 * * * *}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "evidence-expiry", lockAtMostFor = "PT10M")
    void run() {
        for (Organisation organisation : organisations.all()) {
            try {
                expire(organisation);
            } catch (RuntimeException e) {
                // One organisation's failure must not stop the others'.
                log.error("Evidence expiry failed for organisation {}", organisation.slug(), e);
            }
        }
    }

    /** Expires one organisation's due evidence; returns how many versions expired. */
    int expire(Organisation organisation) {
        return Tenancy.callAs(Actor.system(organisation.id(), "system:evidence-expiry"), () -> {
            List<EvidenceSummary> expired = vault.expireDue();
            for (EvidenceSummary summary : expired) {
                String recipient = summary.item().ownerId() != null
                        ? summary.item().ownerId()
                        : summary.latest().uploadedById();
                try {
                    notifications.notify(
                            UserId.valueOf(recipient),
                            "notification.evidence.expired",
                            List.of(
                                    summary.item().title(),
                                    String.valueOf(summary.latest().validUntil())),
                            "/evidence/" + summary.item().id());
                } catch (RuntimeException e) {
                    // The uploader may have been an API token or a removed user: the expiry stands.
                    log.warn(
                            "No one to notify about expired evidence {}: {}",
                            summary.item().id(),
                            e.getMessage());
                }
            }
            return expired.size();
        });
    }
}
