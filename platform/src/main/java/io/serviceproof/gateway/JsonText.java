package io.serviceproof.gateway;

import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;

/** Text as a JSON string, for the lines the gateway writes to {@code rejected.jsonl}. */
final class JsonText {

    private JsonText() {}

    static String quoted(String text) {
        try {
            return Json.canonical(String.valueOf(text));
        } catch (JsonException e) {
            return "\"\""; // a string always canonicalises; kept so a writer never fails on its log line
        }
    }
}
