/**
 * The organisation's home page: what needs attention (readiness per market, service-level breaches,
 * lapsing evidence and qualifications, overdue actions, credentials), who has access, and what
 * happened lately. It owns no data; it reads the public APIs of the other modules.
 */
@ApplicationModule(displayName = "Dashboard")
package io.serviceproof.dashboard;

import org.springframework.modulith.ApplicationModule;
