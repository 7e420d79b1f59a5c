package io.serviceproof.services.contract;

import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * What changed from one API contract to the next, computed with openapi-diff: endpoints added and
 * removed, operations changed, and whether a client built for the old contract may break.
 */
public record ContractDiff(boolean breaking, List<String> added, List<String> removed, List<Change> changed) {

    /** One changed operation, e.g. "GET /inspections/{id}", and whether the change is incompatible. */
    public record Change(
            String operation, boolean breaking, boolean parameters, boolean requestBody, boolean responses) {}

    /**
     * Compares two stored documents. Each is read again through {@link OpenApiDocument}'s checks, so a
     * contract stored before those checks existed cannot make the diff open what it references.
     */
    public static ContractDiff between(String before, String after) {
        ChangedOpenApi diff =
                OpenApiCompare.fromSpecifications(OpenApiDocument.model(before), OpenApiDocument.model(after));
        List<String> added = new ArrayList<>();
        for (Endpoint e : diff.getNewEndpoints()) {
            added.add(e.getMethod() + " " + e.getPathUrl());
        }
        List<String> removed = new ArrayList<>();
        for (Endpoint e : diff.getMissingEndpoints()) {
            removed.add(e.getMethod() + " " + e.getPathUrl());
        }
        List<Change> changed = new ArrayList<>();
        for (ChangedOperation op : diff.getChangedOperations()) {
            changed.add(new Change(
                    op.getHttpMethod() + " " + op.getPathUrl(),
                    op.isCoreChanged().isIncompatible() || op.isChanged().isIncompatible(),
                    op.getParameters() != null,
                    op.getRequestBody() != null,
                    op.getApiResponses() != null));
        }
        return new ContractDiff(diff.isIncompatible(), added, removed, changed);
    }

    public static ContractDiff none() {
        return new ContractDiff(false, List.of(), List.of(), List.of());
    }
}
