package io.serviceproof.common;

import java.util.Map;

/**
 * Input that passed its syntactic checks but breaks a rule the domain knows about. Carries the
 * offending field names and messages so the API can report them as RFC 9457 field errors.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.fieldErrors = Map.of(field, message);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
