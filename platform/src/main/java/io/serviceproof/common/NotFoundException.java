package io.serviceproof.common;

/**
 * A record does not exist <em>for the acting organisation</em>. Another organisation's record is
 * reported exactly like a missing one, so ids never leak across tenants.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
