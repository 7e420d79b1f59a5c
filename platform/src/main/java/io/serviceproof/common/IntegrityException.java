package io.serviceproof.common;

/**
 * Stored data no longer matches its digest (or is gone). What it guards is withheld (HTTP 500 with
 * this message): serving it would hand out evidence nobody can vouch for any more.
 */
public class IntegrityException extends RuntimeException {

    public IntegrityException(String message) {
        super(message);
    }
}
