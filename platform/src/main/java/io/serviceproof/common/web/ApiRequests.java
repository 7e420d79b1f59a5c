package io.serviceproof.common.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;

/** Tells API requests (problem details, tokens) from page requests (HTML, sessions). */
public final class ApiRequests {

    public static final String PREFIX = "/api/";

    private ApiRequests() {}

    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(PREFIX);
    }

    static boolean isApi(WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return servletRequest != null && isApi(servletRequest);
    }
}
