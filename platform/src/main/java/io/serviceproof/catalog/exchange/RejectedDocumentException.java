package io.serviceproof.catalog.exchange;

import io.serviceproof.common.UnprocessableDocumentException;
import java.util.List;

/** A document that cannot be imported; it is rejected whole and nothing of it is stored. */
public class RejectedDocumentException extends UnprocessableDocumentException {

    /** Enough to fix a file; a thousand errors would only hide the first one. */
    public static final int MAX_ERRORS = 200;

    private final List<DocumentError> errors;

    public RejectedDocumentException(List<DocumentError> errors) {
        super(
                errors.size() + " error(s), first: " + errors.get(0),
                errors.subList(0, Math.min(errors.size(), MAX_ERRORS)).stream()
                        .map(e -> new Problem(e.location(), e.message()))
                        .toList());
        this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
    }

    public RejectedDocumentException(String location, String message) {
        this(List.of(new DocumentError(location, message)));
    }

    public List<DocumentError> errors() {
        return errors;
    }
}
