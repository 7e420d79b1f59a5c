package io.serviceproof.ledger;

import java.util.Map;
import java.util.regex.Pattern;

/** Subject digests: {@code {"sha256": "<64 lower-case hex>"}} (or sha512), as in in-toto statements. */
final class Digests {

    private static final Map<String, Pattern> ALGORITHMS = Map.of(
            "sha256", Pattern.compile("[0-9a-f]{64}"),
            "sha512", Pattern.compile("[0-9a-f]{128}"));

    private Digests() {}

    static void requireValid(Map<String, Object> digest) {
        EntryDraft.require(
                digest != null && !digest.isEmpty(),
                "subjectDigests",
                "each digest is an object such as {\"sha256\": \"<hex>\"}");
        for (Map.Entry<String, Object> member : digest.entrySet()) {
            Pattern hex = ALGORITHMS.get(member.getKey());
            EntryDraft.require(hex != null, "subjectDigests", "supported digest algorithms are sha256 and sha512");
            EntryDraft.require(
                    member.getValue() instanceof String value
                            && hex.matcher(value).matches(),
                    "subjectDigests",
                    member.getKey() + " must be lower-case hex of the right length");
        }
    }
}
