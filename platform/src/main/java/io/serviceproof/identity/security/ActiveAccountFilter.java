package io.serviceproof.identity.security;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.users.UserAccounts;
import io.serviceproof.identity.users.UserId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a user an owner has deactivated, at their next request rather than when the
 * session would expire.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private final UserAccounts accounts;

    ActiveAccountFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> actor = Tenancy.currentActor().filter(a -> a.kind() == Actor.Kind.USER);
        if (actor.isPresent()
                && !accounts.isActive(
                        UserId.valueOf(actor.get().id()), actor.get().organisationId())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?deactivated");
            return;
        }
        chain.doFilter(request, response);
    }
}
