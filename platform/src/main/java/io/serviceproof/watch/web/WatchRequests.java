package io.serviceproof.watch.web;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.watch.ItemKind;
import io.serviceproof.watch.Lifecycle;
import io.serviceproof.watch.StandardsWatch;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Turns what a form or a JSON body says about a tracked item into its fields, with readable errors. */
final class WatchRequests {

    private WatchRequests() {}

    /** A tracked item as a request names it: kinds and lifecycles as tokens, dates as YYYY-MM-DD. */
    record ItemRequest(
            String kind,
            String title,
            String framework,
            String replacedBy,
            String market,
            String lifecycle,
            String published,
            String inForce,
            String transitionDeadline,
            String source,
            String tag) {

        StandardsWatch.ItemFields fields() {
            return new StandardsWatch.ItemFields(
                    WatchRequests.kind(kind),
                    title,
                    framework,
                    replacedBy,
                    market,
                    WatchRequests.lifecycle(lifecycle),
                    date("published", published),
                    date("inForce", inForce),
                    date("transitionDeadline", transitionDeadline),
                    source,
                    tag);
        }
    }

    private static ItemKind kind(String token) {
        try {
            return token == null || token.isBlank() ? null : ItemKind.fromToken(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "kind",
                    "one of edition, amendment, draft-in-ballot, withdrawal, law, decree, scheme-transition, policy");
        }
    }

    private static Lifecycle lifecycle(String token) {
        try {
            return token == null || token.isBlank() ? null : Lifecycle.fromToken(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("lifecycle", "one of draft, published, in-force, superseded, withdrawn");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date, YYYY-MM-DD");
        }
    }
}
