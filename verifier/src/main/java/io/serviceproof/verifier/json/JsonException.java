package io.serviceproof.verifier.json;

/** Input that is not JSON, or not I-JSON as RFC 8785 requires; the message gives the position. */
public class JsonException extends Exception {

    public JsonException(String message) {
        super(message);
    }
}
