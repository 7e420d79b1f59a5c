package io.serviceproof.verifier.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed signed note: its text (every line ending in a newline) and its signature lines. Parsing
 * checks structure only; {@link NoteVerifier} checks the signatures.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /** Parses a note as found on the wire or in a file. */
    public static SignedNote parse(byte[] bytes) throws MalformedNoteException {
        String note = decodeUtf8(bytes);
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new MalformedNoteException("note contains a control character at offset " + i);
            }
        }
        // The signatures follow the LAST blank line, so note text may itself contain blank lines.
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new MalformedNoteException("no blank line separates the text from the signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty()) {
            throw new MalformedNoteException("the note has no signature lines");
        }
        if (!block.endsWith("\n")) {
            throw new MalformedNoteException("the last signature line does not end with a newline");
        }
        return new SignedNote(text, parseSignatures(block));
    }

    public static SignedNote parse(String note) throws MalformedNoteException {
        return parse(note.getBytes(StandardCharsets.UTF_8));
    }

    /** The note as bytes on the wire: text, blank line, one line per signature. */
    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()).append('\n'));
        return out.toString();
    }

    private static List<NoteSignature> parseSignatures(String block) throws MalformedNoteException {
        List<NoteSignature> signatures = new ArrayList<>();
        Set<String> seenLines = new LinkedHashSet<>();
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new MalformedNoteException("more than " + MAX_SIGNATURES + " signatures");
        }
        for (String line : lines) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new MalformedNoteException(
                        "signature line does not start with an em dash and a space: " + abbreviate(line));
            }
            String rest = line.substring(SIGNATURE_PREFIX.length());
            int space = rest.indexOf(' ');
            if (space < 0) {
                throw new MalformedNoteException("signature line is not '\u2014 <name> <base64>': " + abbreviate(line));
            }
            String name = rest.substring(0, space);
            String base64 = rest.substring(space + 1);
            if (!Names.isValid(name)) {
                throw new MalformedNoteException("invalid key name in signature line: " + abbreviate(line));
            }
            byte[] decoded = decodeBase64(base64);
            if (decoded.length < 5) {
                throw new MalformedNoteException("signature of '" + name + "' is shorter than a key ID and one byte");
            }
            if (seenLines.add(line)) {
                long keyId =
                        Integer.toUnsignedLong(ByteBuffer.wrap(decoded, 0, 4).getInt());
                byte[] signature = java.util.Arrays.copyOfRange(decoded, 4, decoded.length);
                signatures.add(new NoteSignature(name, keyId, signature));
            }
        }
        return signatures;
    }

    private static byte[] decodeBase64(String base64) throws MalformedNoteException {
        if (base64.isEmpty()) {
            throw new MalformedNoteException("empty signature");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException("signature is not standard base64");
        }
        // Java's decoder ignores the unused bits of the last character; a second spelling of the
        // same bytes would make one note readable as two different byte strings.
        if (!Base64.getEncoder().encodeToString(decoded).equals(base64)) {
            throw new MalformedNoteException("signature is not canonical base64 (unused bits set)");
        }
        return decoded;
    }

    private static String decodeUtf8(byte[] bytes) throws MalformedNoteException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedNoteException("note is not valid UTF-8");
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
