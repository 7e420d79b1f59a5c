package io.serviceproof.common;

/**
 * The request is well-formed but contradicts the current state (a duplicate, a closed record).
 * Thrown with a {@link Phrase}, it carries its wording for a form to say in the reader's language.
 */
public class ConflictException extends RuntimeException {

    private final Phrase wording;

    public ConflictException(String message) {
        super(message);
        this.wording = null;
    }

    public ConflictException(Phrase message) {
        super(message.english());
        this.wording = message;
    }

    /** The message as a phrase, or null when it was thrown as English text only. */
    public Phrase wording() {
        return wording;
    }
}
