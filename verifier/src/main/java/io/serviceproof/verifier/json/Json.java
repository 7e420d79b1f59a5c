package io.serviceproof.verifier.json;

import java.nio.charset.StandardCharsets;

/**
 * RFC 8785 canonical JSON. {@link #canonicalize(String)} turns any I-JSON text into its canonical
 * form; {@link #canonical(Object)} serializes values built from maps, lists, strings, numbers,
 * booleans and {@link #NULL}.
 */
public final class Json {

    /** JSON {@code null} (Java's null is not accepted, so a missing value is never silently null). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private Json() {}

    /** Parses strict I-JSON into maps, lists, strings, doubles, booleans and {@link #NULL}. */
    public static Object parse(String json) throws JsonException {
        return JsonParser.parse(json);
    }

    public static String canonicalize(String json) throws JsonException {
        return canonical(parse(json));
    }

    public static byte[] canonicalBytes(String json) throws JsonException {
        return canonicalBytesOf(parse(json));
    }

    public static String canonical(Object value) throws JsonException {
        return new String(canonicalBytesOf(value), StandardCharsets.UTF_8);
    }

    /** The canonical form of a value built in Java, as the UTF-8 bytes that are hashed and signed. */
    public static byte[] canonicalBytesOf(Object value) throws JsonException {
        return CanonicalWriter.write(value);
    }
}
