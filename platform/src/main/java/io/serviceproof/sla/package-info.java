/**
 * SLA measurement: a layer's published objectives measured from the service-delivery events in its
 * log over a period, each figure traceable to the log entries it was computed from; and breach
 * detection as events arrive, by {@link io.serviceproof.sla.SlaTracker} following the log (ADR 009).
 * {@link io.serviceproof.sla.SlaReports} and {@link io.serviceproof.sla.SlaAttainment} are the API.
 */
@ApplicationModule(
        displayName = "SLA",
        allowedDependencies = {"common", "identity", "identity :: users", "ledger", "services"})
package io.serviceproof.sla;

import org.springframework.modulith.ApplicationModule;
