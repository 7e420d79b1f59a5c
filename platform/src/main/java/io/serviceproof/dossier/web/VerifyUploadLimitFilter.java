package io.serviceproof.dossier.web;

import io.serviceproof.dossier.PublicVerification;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an anonymous upload to {@code /verify} that declares more than the page accepts before a
 * byte of it is read: otherwise the server would first receive and store the whole body (up to the
 * global multipart limit) only to refuse it afterwards. A body of undeclared length (chunked) is
 * held to the multipart limits while it streams, to disk, never to memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class VerifyUploadLimitFilter extends OncePerRequestFilter {

    /** The form's own fields and the multipart boundaries around the file. */
    static final long LIMIT = PublicVerification.MAX_UPLOAD + 64 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && "/verify"
                        .equals(request.getRequestURI()
                                .substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > LIMIT) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .write("Uploads here are limited to " + PublicVerification.MAX_UPLOAD
                            + " bytes: verify larger files offline with"
                            + " serviceproof-verify.\n");
            return;
        }
        chain.doFilter(request, response);
    }
}
