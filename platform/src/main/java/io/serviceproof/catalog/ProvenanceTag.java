package io.serviceproof.catalog;

/**
 * How sure we are of a row, in the tags of the domain reference: only primary, reputable secondary
 * and public-repository sources count as verified; weak, recalled and not-found rows are shown as
 * unverified until someone checks them.
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

    public boolean verifiedByDefault() {
        return this == P || this == S || this == C;
    }
}
