package io.serviceproof.identity.security;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Role;
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
 * Ends the session of a user an owner has deactivated or given another role, at their next request
 * rather than when the session would expire: a session carries the role it signed in with.
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
        if (actor.isPresent()) {
            Optional<Role> role = accounts.activeRole(
                    UserId.valueOf(actor.get().id()), actor.get().organisationId());
            if (role.isEmpty() || role.get() != actor.get().role()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(
                        request.getContextPath() + (role.isEmpty() ? "/login?deactivated" : "/login?roleChanged"));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
