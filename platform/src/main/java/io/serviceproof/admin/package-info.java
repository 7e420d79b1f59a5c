/**
 * The operator's command line: {@code serviceproof admin ...} creates organisations, users and API
 * tokens against the configured database without the UI, for scripts and first-time set-up.
 */
@ApplicationModule(displayName = "Admin command line")
package io.serviceproof.admin;

import org.springframework.modulith.ApplicationModule;
