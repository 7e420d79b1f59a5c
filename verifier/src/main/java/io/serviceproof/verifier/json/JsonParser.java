package io.serviceproof.verifier.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser producing {@code Map<String, Object>} (insertion-ordered), {@code List},
 * {@code String}, {@code Double}, {@code Boolean} and {@link Json#NULL}. Rejects what I-JSON (RFC 7493)
 * forbids and RFC 8785 relies on: duplicate member names, lone surrogates, numbers that are not
 * finite doubles, and anything after the value. Nesting is limited so that hostile input cannot
 * exhaust the stack.
 */
final class JsonParser {

    private static final int MAX_DEPTH = 200;

    private final String text;
    private int position;
    private int depth;

    private JsonParser(String text) {
        this.text = text;
    }

    static Object parse(String text) throws JsonException {
        JsonParser parser = new JsonParser(text);
        parser.skipWhitespace();
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw parser.error("unexpected content after the JSON value");
        }
        return value;
    }

    private Object value() throws JsonException {
        if (position >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", Json.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> object() throws JsonException {
        enter();
        position++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            depth--;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            int at = position;
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (members.put(name, value()) != null) {
                position = at;
                throw error("duplicate member name \"" + name + "\"");
            }
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect('}');
                depth--;
                return members;
            }
        }
    }

    private List<Object> array() throws JsonException {
        enter();
        position++;
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            depth--;
            return elements;
        }
        while (true) {
            skipWhitespace();
            elements.add(value());
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect(']');
                depth--;
                return elements;
            }
        }
    }

    private String string() throws JsonException {
        position++;
        // Most strings (ids, hashes, timestamps) hold no escape, control character or surrogate:
        // they are taken as they stand, without a copy per char or a second pass for surrogates.
        int start = position;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                position = i + 1;
                return text.substring(start, i);
            }
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                break;
            }
        }
        return escapedString();
    }

    /** A string with escapes, surrogates or an error in it, read char by char from its start. */
    private String escapedString() throws JsonException {
        StringBuilder out = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            out.append(c == '\\' ? escape() : c);
        }
        String result = out.toString();
        requireWellFormedUtf16(result);
        return result;
    }

    private char escape() throws JsonException {
        if (position >= text.length()) {
            throw error("unterminated escape");
        }
        char c = text.charAt(position++);
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (position + 4 > text.length()) {
                    throw error("short \\u escape");
                }
                // Exactly four hex digits: Integer.parseInt would also take "-001" or "+041".
                int decoded = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(text.charAt(position + i), 16);
                    if (digit < 0 || text.charAt(position + i) > 'f') {
                        throw error("bad \\u escape: four hex digits must follow \\u");
                    }
                    decoded = decoded * 16 + digit;
                }
                position += 4;
                yield (char) decoded;
            }
            default -> throw error("bad escape \\" + c);
        };
    }

    private Double number() throws JsonException {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("bad number");
        }
        if (peek() == '.') {
            position++;
            if (!isDigit(peek())) {
                throw error("bad number: digits must follow the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw error("bad number: digits must follow the exponent");
            }
            digits();
        }
        String literal = text.substring(start, position);
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw error("number out of the range of IEEE 754 doubles");
        }
        if (value == 0.0 && nonZeroMantissa(literal)) {
            // Stored as 0 it would no longer be the number that was sent; refused like an overflow.
            throw error("number too small for an IEEE 754 double (it would become 0)");
        }
        return value;
    }

    private static boolean nonZeroMantissa(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private Object literal(String word, Object value) throws JsonException {
        if (!text.startsWith(word, position)) {
            throw error("unexpected literal");
        }
        position += word.length();
        return value;
    }

    private void digits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private void enter() throws JsonException {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\n\r".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void requireWellFormedUtf16(String s) throws JsonException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error("lone surrogate in string");
            }
        }
    }

    private JsonException error(String message) {
        return new JsonException(message + " at offset " + position);
    }
}
