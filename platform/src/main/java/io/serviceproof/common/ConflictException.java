package io.serviceproof.common;

/** The request is well-formed but contradicts the current state (a duplicate, a closed record). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
