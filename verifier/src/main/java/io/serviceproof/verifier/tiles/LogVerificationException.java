package io.serviceproof.verifier.tiles;

/** A log's published data contradicts its signed checkpoint; the message names the first bad part. */
public class LogVerificationException extends Exception {

    public LogVerificationException(String message) {
        super(message);
    }

    public LogVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
