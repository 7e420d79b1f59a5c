package io.serviceproof.verifier.json;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes values as RFC 8785 canonical JSON, straight to UTF-8 bytes. Every log entry passes through
 * here before it is hashed, so it avoids what showed in the append profile: building a string
 * first, char-at-a-time appends, a sorted copy of every object's names plus a lookup per member.
 */
final class CanonicalWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Longs up to 2^53 are exact doubles, and ECMAScript prints such an integer as its digits. */
    private static final long EXACT_INTEGER = 1L << 53;

    private byte[] buffer = new byte[256];
    private int size;

    private CanonicalWriter() {}

    static byte[] write(Object value) throws JsonException {
        CanonicalWriter writer = new CanonicalWriter();
        writer.value(value);
        return Arrays.copyOf(writer.buffer, writer.size);
    }

    private void value(Object value) throws JsonException {
        if (value instanceof String text) {
            string(text);
        } else if (value instanceof Map<?, ?> map) {
            object(map);
        } else if (value instanceof List<?> list) {
            array(list);
        } else if (value == Json.NULL) {
            ascii("null");
        } else if (value instanceof Boolean b) {
            ascii(b ? "true" : "false");
        } else if ((value instanceof Long
                        || value instanceof Integer
                        || value instanceof Short
                        || value instanceof Byte)
                && Math.abs(((Number) value).longValue()) <= EXACT_INTEGER) {
            ascii(Long.toString(((Number) value).longValue()));
        } else if (value instanceof Number number) {
            ascii(EcmaNumbers.format(number.doubleValue()));
        } else if (value instanceof CharSequence text) {
            string(text.toString());
        } else {
            throw new JsonException("cannot serialize "
                    + (value == null
                            ? "Java null (use Json.NULL)"
                            : value.getClass().getName()));
        }
    }

    /** Members sorted by their names' UTF-16 code units, which is what String.compareTo compares. */
    private void object(Map<?, ?> map) throws JsonException {
        Map.Entry<?, ?>[] members = map.entrySet().toArray(new Map.Entry<?, ?>[0]);
        String[] names = new String[members.length];
        for (int i = 0; i < members.length; i++) {
            if (!(members[i].getKey() instanceof String name)) {
                throw new JsonException("member names must be strings");
            }
            names[i] = name;
        }
        sortByName(names, members);
        put((byte) '{');
        for (int i = 0; i < members.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            string(names[i]);
            put((byte) ':');
            value(members[i].getValue());
        }
        put((byte) '}');
    }

    /** Insertion sort: objects in events have a handful of members, and it sorts both arrays at once. */
    private static void sortByName(String[] names, Map.Entry<?, ?>[] members) {
        for (int i = 1; i < names.length; i++) {
            String name = names[i];
            Map.Entry<?, ?> member = members[i];
            int j = i - 1;
            while (j >= 0 && names[j].compareTo(name) > 0) {
                names[j + 1] = names[j];
                members[j + 1] = members[j];
                j--;
            }
            names[j + 1] = name;
            members[j + 1] = member;
        }
    }

    private void array(List<?> list) throws JsonException {
        put((byte) '[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                put((byte) ',');
            }
            value(list.get(i));
        }
        put((byte) ']');
    }

    private void string(String text) throws JsonException {
        int length = text.length();
        // Room for plain ASCII first, the common case; more only once a char needs more than a byte.
        ensure(length + 2L);
        byte[] out = buffer;
        int at = size;
        out[at++] = '"';
        boolean roomForAny = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                out[at++] = (byte) c;
                continue;
            }
            if (!roomForAny) {
                // At most six bytes per remaining char (a \\u00xx escape), plus the closing quote.
                size = at;
                ensure(6L * (length - i) + 1);
                out = buffer;
                roomForAny = true;
            }
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    out[at++] = '\\';
                }
                out[at++] = (byte) c;
            } else if (c < 0x20) {
                at = escapeControl(c, out, at);
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new JsonException("lone surrogate in string");
                }
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[at++] = (byte) (0xf0 | (codePoint >> 18));
                out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
                out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (codePoint & 0x3f));
            } else {
                out[at++] = (byte) (0xe0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[at++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        out[at++] = '"';
        size = at;
    }

    /** RFC 8785 3.2.2.2: the five short escapes, else a lower-case \\u00xx. */
    private static int escapeControl(char c, byte[] out, int at) {
        out[at++] = '\\';
        char shortForm = switch (c) {
            case '\b' -> 'b';
            case '\f' -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            default -> 0;
        };
        if (shortForm != 0) {
            out[at++] = (byte) shortForm;
            return at;
        }
        out[at++] = 'u';
        out[at++] = '0';
        out[at++] = '0';
        out[at++] = HEX[c >> 4];
        out[at++] = HEX[c & 0xf];
        return at;
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    private void ensure(long more) {
        long needed = size + more;
        if (needed > buffer.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("canonical JSON over 2 GiB");
            }
            buffer = Arrays.copyOf(buffer, (int) Math.max(needed, 2L * buffer.length));
        }
    }
}
