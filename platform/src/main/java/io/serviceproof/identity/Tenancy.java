package io.serviceproof.identity;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The organisation the current request acts for. Repositories call {@link #organisationId()} on
 * every query instead of taking the organisation as a parameter, so a controller cannot forget the
 * tenant filter, and code running without an actor fails instead of seeing every tenant's data.
 */
public final class Tenancy {

    private Tenancy() {}

    /** The acting organisation; throws when nobody is acting (a bug, never a user error). */
    public static OrganisationId organisationId() {
        return actor().organisationId();
    }

    public static Actor actor() {
        return currentActor()
                .orElseThrow(() -> new IllegalStateException(
                        "No actor: tenant-scoped data was accessed outside a request or Tenancy.callAs"));
    }

    public static Optional<Actor> currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }

    /** Runs work as the given actor (used by the admin command line, seeders and scheduled jobs). */
    public static <T> T callAs(Actor actor, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(Actor actor, Runnable work) {
        callAs(actor, () -> {
            work.run();
            return null;
        });
    }
}
