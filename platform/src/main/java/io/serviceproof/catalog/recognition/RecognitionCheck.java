package io.serviceproof.catalog.recognition;

import java.util.List;

/**
 * One condition of recognition, whether it holds, and why (in words a reviewer can check); and the
 * catalog rows it rests on that no reviewer has confirmed against their source.
 */
public record RecognitionCheck(String condition, boolean holds, String explanation, List<String> unverifiedRows) {

    public RecognitionCheck {
        unverifiedRows = List.copyOf(unverifiedRows);
    }

    public RecognitionCheck(String condition, boolean holds, String explanation) {
        this(condition, holds, explanation, List.of());
    }

    RecognitionCheck restingOn(List<String> rows) {
        List<String> all = new java.util.ArrayList<>(unverifiedRows);
        rows.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return new RecognitionCheck(condition, holds, explanation, all);
    }
}
