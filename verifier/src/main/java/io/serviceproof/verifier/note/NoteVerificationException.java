package io.serviceproof.verifier.note;

/** A well-formed note whose signatures do not verify against the trusted keys. */
public class NoteVerificationException extends Exception {

    public NoteVerificationException(String message) {
        super(message);
    }
}
