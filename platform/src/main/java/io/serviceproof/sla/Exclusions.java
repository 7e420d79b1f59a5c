package io.serviceproof.sla;

import java.util.Locale;
import java.util.Set;

/**
 * What an SLO's published {@code exclusions} leave out of its figure. The text is the contract's own
 * words; these phrases are recognised in it: "maintenance" (announced maintenance windows),
 * "customer" (customer-caused incidents), "third party" / "third-party", "force majeure" /
 * "force-majeure", and "none". An SLO that says nothing excludes announced maintenance, the common
 * contract default (docs/formats.md).
 */
record Exclusions(boolean maintenance, Set<String> incidentCauses) {

    static final Exclusions DEFAULT = new Exclusions(true, Set.of());

    static Exclusions of(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.strip().equals("none")) {
            return new Exclusions(false, Set.of());
        }
        java.util.Set<String> causes = new java.util.TreeSet<>();
        if (t.contains("customer")) {
            causes.add("customer");
        }
        if (t.contains("third party") || t.contains("third-party")) {
            causes.add("third-party");
        }
        if (t.contains("force majeure") || t.contains("force-majeure")) {
            causes.add("force-majeure");
        }
        return new Exclusions(t.contains("maintenance"), Set.copyOf(causes));
    }

    boolean excludes(SlaEvent incidentOpened) {
        String cause = incidentOpened.text("cause");
        return cause != null && incidentCauses.contains(cause);
    }
}
