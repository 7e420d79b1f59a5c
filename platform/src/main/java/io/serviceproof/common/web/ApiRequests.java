package io.serviceproof.common.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Tells machine-read requests (problem details, tokens) from page requests (HTML, sessions): the
 * API, and the read APIs of logs (C2SP tlog-tiles) and issuers (DID documents, status lists).
 */
public final class ApiRequests {

    public static final String PREFIX = "/api/";

    private ApiRequests() {}

    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(PREFIX) || path.startsWith("/logs/") || path.startsWith("/orgs/");
    }

    static boolean isApi(WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return servletRequest != null && isApi(servletRequest);
    }
}
