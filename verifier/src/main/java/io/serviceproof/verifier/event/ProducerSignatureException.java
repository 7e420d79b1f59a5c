package io.serviceproof.verifier.event;

/** A signed entry that does not verify, or a device lifecycle entry that contradicts the log before it. */
public final class ProducerSignatureException extends Exception {

    public ProducerSignatureException(String message) {
        super(message);
    }
}
