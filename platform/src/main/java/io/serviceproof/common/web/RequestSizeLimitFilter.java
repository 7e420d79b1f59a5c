package io.serviceproof.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies above the configured limit with a 413 problem, before anything reads
 * them. Bodies without a declared length are refused too: every client we serve sends one, and
 * an unbounded stream is how a single request exhausts memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Ledger batches (up to 1,000 entries of up to 64 KiB) have a limit of their own. */
    private static final String LEDGER_ENTRIES = "/api/v1/ledger/entries";

    /** Catalog imports (an OSCAL catalog such as SP 800-53 is about 10 MB) have one too. */
    private static final String CATALOG_IMPORTS = "/api/v1/catalog/";

    /** Evidence uploads: the file limit plus room for the form fields around it. */
    private static final String EVIDENCE = "/api/v1/evidence";

    /** Event imports: files of historical events, the largest uploads. */
    private static final String EVENT_IMPORTS = "/api/v1/event-imports";

    private static final long FORM_OVERHEAD = 1024 * 1024;

    private final long maxEvidenceBytes;
    private final long maxBytes;
    private final long maxLedgerBatchBytes;
    private final long maxCatalogImportBytes;
    private final long maxEventImportBytes;

    RequestSizeLimitFilter(
            @Value("${serviceproof.api.max-request-size:2MB}") DataSize maxRequestSize,
            @Value("${serviceproof.ledger.max-batch-size:72MB}") DataSize maxLedgerBatchSize,
            @Value("${serviceproof.catalog.max-import-size:32MB}") DataSize maxCatalogImportSize,
            @Value("${serviceproof.evidence.max-size:100MB}") DataSize maxEvidenceSize,
            @Value("${serviceproof.ingest.max-import-size:1GB}") DataSize maxEventImportSize) {
        this.maxEventImportBytes = maxEventImportSize.toBytes() + FORM_OVERHEAD;
        this.maxEvidenceBytes = maxEvidenceSize.toBytes() + FORM_OVERHEAD;
        this.maxBytes = maxRequestSize.toBytes();
        this.maxLedgerBatchBytes = maxLedgerBatchSize.toBytes();
        this.maxCatalogImportBytes = maxCatalogImportSize.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiRequests.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = path.equals(LEDGER_ENTRIES)
                ? maxLedgerBatchBytes
                : path.startsWith(CATALOG_IMPORTS)
                        ? maxCatalogImportBytes
                        : path.equals(EVIDENCE) || path.startsWith(EVIDENCE + "/")
                                ? maxEvidenceBytes
                                : path.equals(EVENT_IMPORTS) ? maxEventImportBytes : maxBytes;
        if (length > limit || chunked) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                            + "\"detail\":\"Request bodies here are limited to " + limit
                            + " bytes and must declare their length.\","
                            + "\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
