package io.serviceproof.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which class of limit a request falls in. The first matching rule wins, and every request falls in
 * one: the classes are the few costs a request can have, not a list of endpoints to keep up to date.
 *
 * <ul>
 *   <li>{@code verify}: the public verification page, the one anonymous endpoint that reads an upload
 *       and checks every signature in it;
 *   <li>{@code public-reads}: logs' tiles, checkpoints and bundles, issuers' DID documents, status
 *       lists and credentials, read by anyone;
 *   <li>{@code expensive}: what parses a document, builds an artefact or recomputes a result:
 *       uploads and imports, assessments, credentials and dossiers, diffs, exports, SLA reports;
 *   <li>{@code ledger-appends}: machines' event batches;
 *   <li>{@code writes} and {@code reads}: everything else, by method.
 * </ul>
 */
final class RateLimitRules {

    enum LimitClass {
        VERIFY,
        PUBLIC_READS,
        EXPENSIVE,
        LEDGER_APPENDS,
        WRITES,
        READS
    }

    private record Rule(String method, PathPattern pattern, LimitClass limitClass) {

        boolean matches(String requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && pattern.matches(path);
        }
    }

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private static final List<Rule> RULES = List.of(
            rule(null, "/verify", LimitClass.VERIFY),
            rule("GET", "/logs/**", LimitClass.PUBLIC_READS),
            rule("GET", "/orgs/**", LimitClass.PUBLIC_READS),
            rule("POST", "/api/v1/ledger/entries", LimitClass.LEDGER_APPENDS),
            // Uploads and imports: each is parsed, validated and stored.
            rule("POST", "/api/v1/evidence", LimitClass.EXPENSIVE),
            rule("POST", "/api/v1/evidence/*/versions", LimitClass.EXPENSIVE),
            rule("POST", "/evidence", LimitClass.EXPENSIVE),
            rule("POST", "/evidence/*/versions", LimitClass.EXPENSIVE),
            rule("POST", "/api/v1/catalog/frameworks", LimitClass.EXPENSIVE),
            rule("POST", "/api/v1/catalog/mappings/import", LimitClass.EXPENSIVE),
            rule("POST", "/catalog/import", LimitClass.EXPENSIVE),
            rule("POST", "/api/v1/watch/feeds/*/poll", LimitClass.EXPENSIVE),
            rule("POST", "/watch/feeds/*/poll", LimitClass.EXPENSIVE),
            rule("POST", "/api/v1/layers/*/api-contracts", LimitClass.EXPENSIVE),
            rule("POST", "/layers/*/api-contracts", LimitClass.EXPENSIVE),
            rule("PUT", "/api/v1/layers/*/draft", LimitClass.EXPENSIVE),
            rule("PUT", "/api/v1/layers/*/openslo", LimitClass.EXPENSIVE),
            rule("POST", "/layers/*/draft", LimitClass.EXPENSIVE),
            rule("POST", "/layers/*/openslo", LimitClass.EXPENSIVE),
            rule("POST", "/api/v1/layers/*/publish", LimitClass.EXPENSIVE),
            rule("POST", "/layers/*/publish", LimitClass.EXPENSIVE),
            // Results recomputed or artefacts built and signed.
            rule("POST", "/api/v1/assessments", LimitClass.EXPENSIVE),
            rule("POST", "/assessments", LimitClass.EXPENSIVE),
            rule("POST", "/api/v1/credentials", LimitClass.EXPENSIVE),
            rule("POST", "/api/v1/credentials/*/dossiers", LimitClass.EXPENSIVE),
            rule("POST", "/assessments/*/credential", LimitClass.EXPENSIVE),
            rule("POST", "/credentials/*/dossier", LimitClass.EXPENSIVE),
            rule("POST", "/api/v1/ledger/checkpoints", LimitClass.EXPENSIVE),
            rule("GET", "/api/v1/catalog/frameworks/*/diff", LimitClass.EXPENSIVE),
            rule("GET", "/catalog/frameworks/*/diff", LimitClass.EXPENSIVE),
            rule("GET", "/api/v1/layers/*/api-contracts/*/diff", LimitClass.EXPENSIVE),
            rule("GET", "/layers/*/api-contracts/*/diff", LimitClass.EXPENSIVE),
            rule("GET", "/api/v1/catalog/frameworks/*/export", LimitClass.EXPENSIVE),
            rule("GET", "/api/v1/catalog/mappings/export", LimitClass.EXPENSIVE),
            rule("GET", "/api/v1/assessments/*/export", LimitClass.EXPENSIVE),
            rule("GET", "/assessments/*/export", LimitClass.EXPENSIVE),
            rule("GET", "/layers/*/sla.pdf", LimitClass.EXPENSIVE),
            rule("GET", "/layers/*/sla", LimitClass.EXPENSIVE),
            rule("GET", "/api/v1/layers/*/sla", LimitClass.EXPENSIVE),
            rule("GET", "/api/v1/credentials/*/dossier", LimitClass.EXPENSIVE),
            rule("GET", "/**", LimitClass.READS),
            rule("HEAD", "/**", LimitClass.READS),
            rule(null, "/**", LimitClass.WRITES));

    private RateLimitRules() {}

    private static Rule rule(String method, String pattern, LimitClass limitClass) {
        return new Rule(method, PARSER.parse(pattern), limitClass);
    }

    static LimitClass classify(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer container = PathContainer.parsePath(path);
        for (Rule rule : RULES) {
            if (rule.matches(request.getMethod(), container)) {
                return rule.limitClass();
            }
        }
        return LimitClass.WRITES;
    }
}
