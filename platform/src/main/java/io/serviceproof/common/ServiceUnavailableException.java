package io.serviceproof.common;

/**
 * Something the installation lacks (a font, a service) or is short of for now (memory for a large
 * response) prevents the request (HTTP 503, with Retry-After when trying again shortly will help).
 */
public class ServiceUnavailableException extends RuntimeException {

    private final Integer retryAfterSeconds;

    public ServiceUnavailableException(String message) {
        this(message, null);
    }

    public ServiceUnavailableException(String message, Integer retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds after which the request may succeed, or null when waiting will not help. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
