/**
 * Who acts, for which organisation. Organisations are the tenants; users sign in with a form,
 * machines and scripts with API tokens; every request acts for exactly one organisation
 * ({@link io.serviceproof.identity.Tenancy}), and repositories of every module take the
 * organisation from there rather than from their callers. Also keeps the user-action trail: who did
 * what and when.
 */
@ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"common"})
package io.serviceproof.identity;

import org.springframework.modulith.ApplicationModule;
