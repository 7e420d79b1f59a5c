package io.serviceproof.common;

/** Something the client sent is larger than the product accepts (HTTP 413). */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
