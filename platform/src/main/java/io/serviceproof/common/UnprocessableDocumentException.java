package io.serviceproof.common;

import java.util.List;

/**
 * An uploaded document that parsed but cannot be used: each problem names where in the document it
 * is, so the API answers 422 with one entry per problem and the UI lists them.
 */
public class UnprocessableDocumentException extends RuntimeException {

    public record Problem(String location, String message) implements java.io.Serializable {}

    private final List<Problem> problems;

    public UnprocessableDocumentException(String summary, List<Problem> problems) {
        super(summary);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
