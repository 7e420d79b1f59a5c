package io.serviceproof.common;

/** Something the installation lacks (a font, a service) prevents the request (HTTP 503). */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
