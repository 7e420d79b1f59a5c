package io.serviceproof.catalog.recognition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.serviceproof.common.Phrase;
import java.util.List;

/**
 * One condition of recognition, whether it holds, and why (in words a reviewer can check); and the
 * catalog rows it rests on that no reviewer has confirmed against their source. {@code why} is that
 * explanation as a phrase, so a page says it in the reader's language; {@code explanation} is its
 * English.
 */
public record RecognitionCheck(
        String condition,
        boolean holds,
        String explanation,
        List<String> unverifiedRows,
        @JsonIgnore Phrase why) {

    public RecognitionCheck {
        unverifiedRows = List.copyOf(unverifiedRows);
    }

    public RecognitionCheck(String condition, boolean holds, Phrase why) {
        this(condition, holds, why.english(), List.of(), why);
    }

    RecognitionCheck restingOn(List<String> rows) {
        List<String> all = new java.util.ArrayList<>(unverifiedRows);
        rows.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return new RecognitionCheck(condition, holds, explanation, all, why);
    }
}
