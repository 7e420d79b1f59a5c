package io.serviceproof.verifier.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        return canonicalize(json).getBytes(StandardCharsets.UTF_8);
    }

    public static String canonical(Object value) throws JsonException {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) throws JsonException {
        if (value == NULL) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Number number) {
            out.append(EcmaNumbers.format(number.doubleValue()));
        } else if (value instanceof CharSequence text) {
            writeString(text.toString(), out);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new JsonException("cannot serialize "
                    + (value == null
                            ? "Java null (use Json.NULL)"
                            : value.getClass().getName()));
        }
    }

    /** Members sorted by their names' UTF-16 code units, which is what String.compareTo compares. */
    private static void writeObject(Map<?, ?> map, StringBuilder out) throws JsonException {
        List<String> names = new ArrayList<>();
        for (Object key : map.keySet()) {
            if (!(key instanceof String name)) {
                throw new JsonException("member names must be strings");
            }
            names.add(name);
        }
        names.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(names.get(i), out);
            out.append(':');
            write(map.get(names.get(i)), out);
        }
        out.append('}');
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
