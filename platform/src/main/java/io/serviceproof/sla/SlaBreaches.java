package io.serviceproof.sla;

import io.serviceproof.identity.Notifications;
import io.serviceproof.identity.users.UserId;
import io.serviceproof.ledger.Appended;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.services.PublishedSlo;
import io.serviceproof.services.ServiceLayer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What raising a breach does: append it to the log, store it, and tell the layer's owner. */
@Component
class SlaBreaches {

    private static final Logger log = LoggerFactory.getLogger(SlaBreaches.class);

    private final Ledger ledger;
    private final SlaStore store;
    private final Notifications notifications;

    SlaBreaches(Ledger ledger, SlaStore store, Notifications notifications) {
        this.ledger = ledger;
        this.store = store;
        this.notifications = notifications;
    }

    SlaBreach raise(OpenTallies.Running running, double value, Figure figure, Instant now, long lastIndex) {
        ServiceLayer layer = running.layer();
        PublishedSlo slo = running.slo();
        SlaPeriod period = running.period();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sloId", slo.id());
        payload.put("periodStart", period.from().toString());
        payload.put("periodEnd", period.to().toString());
        payload.put("expression", slo.expression());
        payload.put("measured", value);
        Appended appended = ledger.append(new EntryDraft(
                "sla-breach:" + layer.id() + ":" + slo.id() + ":" + period.from(),
                "sla.breach",
                now,
                layer.code(),
                List.of(),
                payload,
                null));
        SlaBreach breach = new SlaBreach(
                UUID.randomUUID().toString(),
                layer.id(),
                slo.id(),
                slo.metric(),
                slo.expression(),
                slo.unit(),
                period.from(),
                period.to(),
                value,
                figure.samples(),
                figure.how().english(),
                now,
                lastIndex,
                appended.index());
        store.insertBreach(breach);
        if (layer.ownerId() != null) {
            notifications.notify(
                    UserId.valueOf(layer.ownerId()),
                    "notification.sla.breach",
                    List.of(layer.name(), slo.metric(), slo.expression(), period.label()),
                    "/layers/" + layer.id() + "/sla?period=" + period.label());
        }
        log.info("SLA breach: layer {} SLO {} in {} ({})", layer.code(), slo.id(), period.label(), value);
        return breach;
    }
}
