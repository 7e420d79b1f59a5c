package io.serviceproof.demo;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * A seeded simulator of three months of service-delivery events for the demo layers, logged like a
 * producer would, each payload marked {@code "demo": true}: inspection verdicts and human reviews
 * (with a bad week of latency), remote-maintenance incidents, sessions and telemetry reports
 * (one outage long enough to breach availability), warehouse tickets and sync reports. The same
 * seed always gives the same events, so the demo's SLA pages are reproducible.
 */
@Component
class DemoEvents {

    static final long SEED = 2026_11_26L;
    static final int DAYS = 90;

    private final Ledger ledger;
    private final Clock clock;

    private final io.serviceproof.devices.Devices devices;

    DemoEvents(Ledger ledger, Clock clock, io.serviceproof.devices.Devices devices) {
        this.ledger = ledger;
        this.clock = clock;
        this.devices = devices;
    }

    void seed(Organisation demo) {
        Random random = new Random(SEED);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant start = today.minusDays(DAYS).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<EntryDraft> events = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            Instant midnight = start.plus(Duration.ofDays(day));
            inspection(events, random, midnight, day);
            maintenance(events, random, midnight, day);
            warehouse(events, random, midnight, day);
        }
        Tenancy.runAs(Actor.system(demo.id(), "system:demo-simulator"), () -> {
            DemoCamera camera = new DemoCamera();
            devices.register(camera.registration());
            List<EntryDraft> signed = camera.signVerdicts(events);
            for (int from = 0; from < signed.size(); from += 1000) {
                ledger.appendAll(signed.subList(from, Math.min(signed.size(), from + 1000)));
            }
        });
    }

    private static void inspection(List<EntryDraft> events, Random random, Instant midnight, int day) {
        // A camera swap in week 6 slows inference for a week.
        boolean slowWeek = day >= 35 && day < 42;
        for (int i = 0; i < 40; i++) {
            Instant at = midnight.plus(Duration.ofMinutes(30L * i + random.nextInt(20)));
            double latency = 250 + random.nextGaussian() * 60 + (slowWeek ? 900 : 0);
            events.add(event(
                    "demo-rqi-" + day + "-" + i,
                    "inspection.verdict",
                    at,
                    "ai-remote-quality-inspection",
                    Map.of(
                            "verdict",
                            random.nextInt(100) < 3 ? "fail" : "pass",
                            "latencyMs",
                            Math.max(40, Math.round(latency)),
                            "modelVersion",
                            "rqi-3.2.1",
                            "partId",
                            "HP5X-" + day + "-" + i)));
        }
        for (int i = 0; i < 4; i++) {
            Instant at = midnight.plus(Duration.ofHours(10 + i));
            boolean defective = random.nextInt(4) == 0;
            boolean passed = defective ? random.nextInt(50) == 0 : random.nextInt(40) != 0;
            events.add(event(
                    "demo-rqi-review-" + day + "-" + i,
                    "inspection.review",
                    at,
                    "ai-remote-quality-inspection",
                    Map.of(
                            "truth",
                            defective ? "defective" : "good",
                            "verdict",
                            passed ? "pass" : "fail",
                            "reviewMinutes",
                            3 + random.nextInt(14))));
        }
    }

    private static void maintenance(List<EntryDraft> events, Random random, Instant midnight, int day) {
        String layer = "cloud-om-predictive-maintenance";
        events.add(event(
                "demo-om-sync-" + day,
                "data-sync.report",
                midnight.plus(Duration.ofHours(23)),
                layer,
                Map.of(
                        "expected",
                        1440,
                        "received",
                        1440 - random.nextInt(day % 17 == 0 ? 60 : 15),
                        "source",
                        "cnc-line-telemetry")));
        if (day % 9 == 4) {
            // An incident every nine days; on day 58 a long outage.
            String id = "OM-" + day;
            Instant opened = midnight.plus(Duration.ofHours(9));
            boolean outage = day == 58;
            events.add(event(
                    "demo-" + id + "-opened",
                    "incident.opened",
                    opened,
                    layer,
                    Map.of("incidentId", id, "priority", outage ? "P1" : "P2", "outage", outage)));
            events.add(event(
                    "demo-" + id + "-ack",
                    "incident.acknowledged",
                    opened.plus(Duration.ofMinutes(5 + random.nextInt(12))),
                    layer,
                    Map.of("incidentId", id)));
            events.add(event(
                    "demo-" + id + "-resolved",
                    "incident.resolved",
                    opened.plus(Duration.ofHours(outage ? 7 : 2)),
                    layer,
                    Map.of("incidentId", id, "firstTimeFix", random.nextInt(5) != 0)));
            events.add(event(
                    "demo-" + id + "-session",
                    "remote-session.started",
                    opened.plus(Duration.ofMinutes(20)),
                    layer,
                    Map.of(
                            "sessionId",
                            "RS-" + day,
                            "technicianId",
                            "zhang-jun",
                            "mfa",
                            true,
                            "recorded",
                            true,
                            "approvedBy",
                            "plant duty manager")));
            events.add(event(
                    "demo-" + id + "-session-end",
                    "remote-session.ended",
                    opened.plus(Duration.ofMinutes(80)),
                    layer,
                    Map.of("sessionId", "RS-" + day)));
        }
    }

    private static void warehouse(List<EntryDraft> events, Random random, Instant midnight, int day) {
        String layer = "warehouse-saas";
        // Every objective of the template has events that measure it: sampled API requests (latency),
        // a daily ERP/marketplace sync report (delay), a P1 outage on day 45 (restore time, availability).
        for (int i = 0; i < 24; i++) {
            events.add(event(
                    "demo-wms-api-" + day + "-" + i,
                    "api.request",
                    midnight.plus(Duration.ofMinutes(60L * i + random.nextInt(50))),
                    layer,
                    Map.of(
                            "latencyMs",
                            Math.max(30, Math.round(180 + random.nextGaussian() * 70)),
                            "operation",
                            "GET /stock")));
        }
        events.add(event(
                "demo-wms-sync-" + day,
                "data-sync.report",
                midnight.plus(Duration.ofHours(22)),
                layer,
                Map.of(
                        "expected",
                        5000,
                        "received",
                        5000 - random.nextInt(5),
                        "source",
                        "erp-and-marketplaces",
                        "delayMinutes",
                        1 + random.nextInt(day % 20 == 7 ? 12 : 4))));
        if (day == 45) {
            Instant opened = midnight.plus(Duration.ofHours(14));
            events.add(event(
                    "demo-WMS-P1-opened",
                    "incident.opened",
                    opened,
                    layer,
                    Map.of("incidentId", "WMS-P1-" + day, "priority", "P1", "outage", true)));
            events.add(event(
                    "demo-WMS-P1-resolved",
                    "incident.resolved",
                    opened.plus(Duration.ofMinutes(150)),
                    layer,
                    Map.of("incidentId", "WMS-P1-" + day)));
        }
        if (day % 3 == 0) {
            String id = "WMS-" + day;
            Instant opened = midnight.plus(Duration.ofHours(8 + random.nextInt(8)));
            events.add(event(
                    "demo-" + id + "-opened",
                    "ticket.opened",
                    opened,
                    layer,
                    Map.of("ticketId", id, "priority", "P3")));
            events.add(event(
                    "demo-" + id + "-responded",
                    "ticket.responded",
                    opened.plus(Duration.ofMinutes(10 + random.nextInt(50))),
                    layer,
                    Map.of("ticketId", id)));
            events.add(event(
                    "demo-" + id + "-resolved",
                    "ticket.resolved",
                    opened.plus(Duration.ofHours(3)),
                    layer,
                    Map.of("ticketId", id, "firstTimeFix", true)));
        }
        if (day == 70) {
            events.add(event(
                    "demo-wms-window-" + day,
                    "maintenance.announced",
                    midnight.minus(Duration.ofDays(4)),
                    layer,
                    Map.of(
                            "windowId",
                            "WMS-upgrade",
                            "startsAt",
                            midnight.plus(Duration.ofHours(1)).toString(),
                            "endsAt",
                            midnight.plus(Duration.ofHours(3)).toString())));
        }
    }

    private static EntryDraft event(String id, String type, Instant at, String layer, Map<String, Object> payload) {
        Map<String, Object> marked = new LinkedHashMap<>(payload);
        marked.put("demo", true);
        return new EntryDraft(id, type, at, layer, List.of(), marked, null);
    }
}
