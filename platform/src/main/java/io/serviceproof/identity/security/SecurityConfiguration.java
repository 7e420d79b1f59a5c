package io.serviceproof.identity.security;

import io.serviceproof.identity.tokens.ApiTokens;
import io.serviceproof.identity.users.UserAccounts;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Two filter chains: the API is stateless and authenticated by bearer tokens only (no cookies, so no
 * CSRF); the web UI uses form sign-in, sessions and CSRF tokens. Role rules live here, in one place:
 * auditors change nothing; owners manage users and tokens; owners and auditors read the trail.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final String[] CHANGERS = {"OWNER", "COMPLIANCE_MANAGER", "ENGINEER"};
    /**
     * The standards library, offerings and their layers, and approving evidence are the compliance
     * function's: engineers read them and upload evidence, they do not edit or approve.
     */
    private static final String[] CATALOG_EDITORS = {"OWNER", "COMPLIANCE_MANAGER"};

    /** The one way a password is checked, throttled where it is checked (not by URL). */
    @Bean
    AuthenticationProvider signIn(AccountDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems, UserAccounts accounts)
            throws Exception {
        // The C2SP read API of logs is stateless too: public logs need no token, private ones a token.
        // So are issuers' DID documents and revocation lists (/orgs/...), public to every verifier.
        // A signed-in user's session is honoured for downloads (GET) only; see SignedInReads.
        http.securityMatcher("/api/**", "/logs/**", "/orgs/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new SignedInReads(accounts)))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/logs/**")
                        .permitAll()
                        // An issuer's DID document and revocation list are for anyone who verifies.
                        .requestMatchers(
                                HttpMethod.GET,
                                "/orgs/*/did.json",
                                "/orgs/*/credentials/status/*",
                                "/orgs/*/credentials/*")
                        .permitAll()
                        .requestMatchers("/api/v1/users/**", "/api/v1/tokens/**")
                        .hasRole("OWNER")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/ledger/witness-policy")
                        .hasRole("OWNER")
                        .requestMatchers("/api/v1/trail/**")
                        .hasAnyRole("OWNER", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .authenticated()
                        .requestMatchers("/api/v1/catalog/**", "/api/v1/watch/**")
                        .hasAnyRole(CATALOG_EDITORS)
                        .requestMatchers(
                                "/api/v1/evidence/*/approve",
                                "/api/v1/evidence/*/reject",
                                "/api/v1/offerings/**",
                                "/api/v1/layers/**",
                                "/api/v1/technicians/*/authorisations/**",
                                "/api/v1/assessments/**",
                                "/api/v1/credentials/**",
                                "/api/v1/engagements/**",
                                "/api/v1/conformity-body/**",
                                "/api/v1/attestations/**",
                                "/api/v1/tenders/**",
                                "/api/v1/tender-suggestions")
                        .hasAnyRole(CATALOG_EDITORS)
                        .anyRequest()
                        .hasAnyRole(CHANGERS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            UserAccounts accounts,
            @Value("${serviceproof.metrics.allowed-addresses:127.0.0.1/32,::1/128}") List<String> metricsScrapers)
            throws Exception {
        // Metrics describe every tenant's traffic: only the monitoring network may read them.
        List<IpAddressMatcher> scrapers = metricsScrapers.stream()
                .map(String::strip)
                .map(IpAddressMatcher::new)
                .toList();
        AuthorizationManager<RequestAuthorizationContext> fromScraper = (authentication, context) ->
                new AuthorizationDecision(scrapers.stream().anyMatch(m -> m.matches(context.getRequest())));
        http.formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                                + (failure instanceof ThrottledAuthenticationProvider.SignInDelayedException
                                        ? "/login?locked"
                                        : "/login?error")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .permitAll())
                .addFilterAfter(new ActiveAccountFilter(accounts), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(
                                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                                + "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/contexts/**",
                                "/favicon.ico",
                                "/error",
                                "/error/**")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access(fromScraper)
                        // The public verification page: buyers and certification bodies have no account.
                        .requestMatchers("/verify")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/users/**", "/tokens/**")
                        .hasAnyRole("OWNER", "AUDITOR")
                        .requestMatchers("/users/**", "/tokens/**")
                        .hasRole("OWNER")
                        .requestMatchers(HttpMethod.POST, "/ledger/witness-policy")
                        .hasRole("OWNER")
                        .requestMatchers("/trail/**")
                        .hasAnyRole("OWNER", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/**")
                        .authenticated()
                        .requestMatchers("/catalog/**", "/watch/**")
                        .hasAnyRole(CATALOG_EDITORS)
                        .requestMatchers(
                                "/evidence/*/approve",
                                "/evidence/*/reject",
                                "/offerings/**",
                                "/layers/**",
                                "/people/*/authorisations/**",
                                "/assessments/**",
                                "/credentials/*/revoke",
                                "/engagements/**",
                                "/conformity-body/**",
                                "/tenders/**")
                        .hasAnyRole(CATALOG_EDITORS)
                        .requestMatchers(HttpMethod.POST, "/logout")
                        .authenticated()
                        .anyRequest()
                        .hasAnyRole(CHANGERS));
        return http.build();
    }
}
