package io.serviceproof.verifier.note;

/** The bytes are not a well-formed signed note (or checkpoint); the message names the rule broken. */
public class MalformedNoteException extends Exception {

    public MalformedNoteException(String message) {
        super(message);
    }
}
