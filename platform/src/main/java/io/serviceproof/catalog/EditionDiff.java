package io.serviceproof.catalog;

import java.util.List;

/** What changed between two editions (or any two frameworks), matched by requirement id. */
public record EditionDiff(
        Framework from,
        Framework to,
        List<Requirement> added,
        List<Requirement> removed,
        List<Change> retitled,
        List<Change> moved,
        int unchanged) {

    public record Change(Requirement before, Requirement after) {}
}
