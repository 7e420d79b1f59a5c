package io.serviceproof.common;

import java.util.Map;

/**
 * Input that passed its syntactic checks but breaks a rule the domain knows about. Carries the
 * offending field names and messages so the API can report them as RFC 9457 field errors. Thrown
 * with a {@link Phrase}, it also carries its wording for a form to say in the reader's language;
 * the API keeps the English.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;
    private final Phrase wording;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.fieldErrors = Map.of(field, message);
        this.wording = null;
    }

    public InvalidInputException(String field, Phrase message) {
        super(field + ": " + message.english());
        this.fieldErrors = Map.of(field, message.english());
        this.wording = message;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** The message as a phrase, or null when it was thrown as English text only. */
    public Phrase wording() {
        return wording;
    }
}
