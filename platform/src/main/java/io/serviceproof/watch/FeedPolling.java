package io.serviceproof.watch;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls every organisation's feeds on a schedule. A second node polling the same feed adds nothing:
 * a proposal is keyed by feed and entry id.
 */
@Component
class FeedPolling {

    private static final Logger log = LoggerFactory.getLogger(FeedPolling.class);

    private final StandardsWatch watch;
    private final OrganisationDirectory organisations;

    FeedPolling(StandardsWatch watch, OrganisationDirectory organisations) {
        this.watch = watch;
        this.organisations = organisations;
    }

    @Scheduled(cron = "${serviceproof.watch.poll-cron:0 23 */6 * * *}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "standards-watch-feeds", lockAtMostFor = "PT30M")
    void run() {
        for (Organisation organisation : organisations.all()) {
            Tenancy.runAs(Actor.system(organisation.id(), "system:standards-watch"), () -> {
                for (WatchFeed feed : watch.feeds()) {
                    try {
                        StandardsWatch.PollResult result = watch.poll(feed.id());
                        if (result.error() != null) {
                            log.info("Feed '{}' of '{}': {}", feed.name(), organisation.slug(), result.error());
                        }
                    } catch (RuntimeException e) {
                        log.error("Polling feed '{}' of '{}' failed", feed.name(), organisation.slug(), e);
                    }
                }
            });
        }
    }
}
