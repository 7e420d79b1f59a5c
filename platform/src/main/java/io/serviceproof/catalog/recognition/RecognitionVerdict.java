package io.serviceproof.catalog.recognition;

import java.util.List;

/** Whether one conformity result is recognisable in one market, with every condition checked. */
public record RecognitionVerdict(String market, String result, boolean recognised, List<RecognitionCheck> checks) {}
