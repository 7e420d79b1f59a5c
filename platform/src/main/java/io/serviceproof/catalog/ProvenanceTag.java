package io.serviceproof.catalog;

/**
 * What kind of source a row rests on, in the tags of the domain reference. Only primary, reputable
 * secondary and public-repository sources are citable, so only rows with those tags can be verified
 * (and only once a reviewer records the check, see {@link Provenance}); weak, recalled and
 * not-found rows stay unverified until someone finds a better source.
 */
public enum ProvenanceTag {
    P("primary source"),
    S("reputable secondary source"),
    C("public repository data"),
    W("weak source"),
    M("recalled, not verified"),
    NF("searched, not found");

    private final String meaning;

    ProvenanceTag(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    public boolean citable() {
        return this == P || this == S || this == C;
    }
}
