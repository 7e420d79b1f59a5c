package io.serviceproof.identity.security;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.ActorPrincipal;
import io.serviceproof.identity.users.UserAccounts;
import io.serviceproof.identity.users.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Lets someone signed in to the pages follow links to API downloads (an export, a canonical
 * version, an API contract) with their session: for GET and HEAD only. Anything that changes data
 * through the API still needs a token, because the API does not check CSRF tokens. A session of a
 * deactivated account is ignored.
 */
final class SignedInReads implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final UserAccounts accounts;

    SignedInReads(UserAccounts accounts) {
        this.accounts = accounts;
        sessions.setAllowSessionCreation(false);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (!safe(request)) {
            return empty();
        }
        DeferredSecurityContext fromSession = sessions.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                SecurityContext context = fromSession.get();
                if (context.getAuthentication() != null
                        && context.getAuthentication().getPrincipal() instanceof ActorPrincipal principal) {
                    Actor actor = principal.actor();
                    if (actor.kind() == Actor.Kind.USER
                            && !accounts.activeRole(UserId.valueOf(actor.id()), actor.organisationId())
                                    .equals(java.util.Optional.of(actor.role()))) {
                        return SecurityContextHolder.createEmptyContext();
                    }
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                return fromSession.isGenerated();
            }
        };
    }

    private static DeferredSecurityContext empty() {
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return SecurityContextHolder.createEmptyContext();
            }

            @Override
            public boolean isGenerated() {
                return true;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    /** Never written: the API creates no sessions. */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {}

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return safe(request) && sessions.containsContext(request);
    }

    private static boolean safe(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }
}
