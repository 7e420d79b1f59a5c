package io.serviceproof.catalog;

/** Where a row's content comes from, and whether someone has confirmed it against that source. */
public record Provenance(ProvenanceTag tag, String source, boolean verified) {

    public static Provenance of(ProvenanceTag tag, String source) {
        return new Provenance(tag, source == null ? "" : source, tag.verifiedByDefault());
    }
}
