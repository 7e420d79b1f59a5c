/**
 * The standards watch: keeps the library current without a release. An organisation tracks
 * editions, drafts, withdrawals, laws and decrees, accreditation-scheme transitions and the
 * reported action plan, each with its lifecycle, dates, transition deadline and source; polls
 * Atom/RSS feeds on a schedule, turning each new feed item into a proposed change that a compliance
 * manager accepts or dismisses (with a reason); and, for an accepted change, lists what it makes
 * stale, adds actions to the affected action plans and tells their owners.
 * {@link io.serviceproof.watch.StandardsWatch} is the API.
 */
@ApplicationModule(
        displayName = "Standards watch",
        allowedDependencies = {
            "common",
            "identity",
            "identity :: users",
            "catalog",
            "catalog :: recognition",
            "evidence",
            "assessment",
            "dossier"
        })
package io.serviceproof.watch;

import org.springframework.modulith.ApplicationModule;
