package io.serviceproof.catalog;

import java.time.LocalDate;

/**
 * Where a row's content comes from, and who confirmed it against that source and when. A row is
 * verified only when a named reviewer recorded a citable source (a primary, reputable secondary or
 * public-repository source, by URL or document id) and the date of the review; a good tag alone
 * is a claim about the source, not a check of the row.
 */
public record Provenance(ProvenanceTag tag, String source, Review review) {

    /** A person (or, for the shipped library, its maintainers) who checked the row against its source. */
    public record Review(String reviewer, LocalDate on) {
        public Review {
            if (reviewer == null || reviewer.isBlank() || on == null) {
                throw new IllegalArgumentException("a review names its reviewer and its date");
            }
            reviewer = reviewer.strip();
        }
    }

    public Provenance {
        source = source == null ? "" : source.strip();
    }

    /** A row nobody has reviewed yet. */
    public static Provenance of(ProvenanceTag tag, String source) {
        return new Provenance(tag, source, null);
    }

    /** A row a reviewer has confirmed against {@code source} on {@code on}. */
    public static Provenance reviewed(ProvenanceTag tag, String source, String reviewer, LocalDate on) {
        return new Provenance(tag, source, new Review(reviewer, on));
    }

    public boolean verified() {
        return review != null && !source.isBlank() && tag.citable();
    }

    /** Why a review cannot be recorded for this row as it stands, or null when it can. */
    public String whyNotReviewable() {
        if (!tag.citable()) {
            return "a row whose source is " + tag.meaning() + " (" + tag + ") cannot be verified: record a primary, "
                    + "secondary or repository source first";
        }
        if (source.isBlank()) {
            return "a review needs the source it was checked against (a URL or a document id)";
        }
        return null;
    }

    public String reviewer() {
        return review == null ? null : review.reviewer();
    }

    public LocalDate reviewedOn() {
        return review == null ? null : review.on();
    }
}
