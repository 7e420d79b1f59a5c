package io.serviceproof.ledger;

import io.serviceproof.common.ServiceUnavailableException;

/** The log refuses to sequence or sign: its storage disagrees with what it last signed (HTTP 503). */
public class LogHaltedException extends ServiceUnavailableException {

    LogHaltedException(String reason) {
        super("This organisation's log is halted and appends nothing until its storage is repaired: " + reason);
    }
}
