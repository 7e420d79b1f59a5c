/**
 * SLA measurement: a layer's published objectives measured from the service-delivery events in its
 * log over a period, each figure traceable to the log entries it was computed from.
 * {@link io.serviceproof.sla.SlaReports} is the API.
 */
@ApplicationModule(
        displayName = "SLA",
        allowedDependencies = {"common", "identity", "ledger", "services"})
package io.serviceproof.sla;

import org.springframework.modulith.ApplicationModule;
