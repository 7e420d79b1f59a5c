package io.serviceproof.verifier.checkpoint;

import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of a C2SP checkpoint: origin, tree size, root hash, optional extension lines.
 *
 * @param rootHash the RFC 9162 root of the first {@code size} leaves
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is never negative");
        }
        if (rootHash == null || rootHash.length != Rfc9162.HASH_SIZE) {
            throw new IllegalArgumentException("a root hash is " + Rfc9162.HASH_SIZE + " bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** Parses note text (ending in a newline) as a checkpoint body. */
    public static Checkpoint parse(String text) throws MalformedNoteException {
        if (!text.endsWith("\n")) {
            throw new MalformedNoteException("checkpoint text must end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new MalformedNoteException("a checkpoint has at least three lines: origin, size, root hash");
        }
        for (String line : lines) {
            if (line.isEmpty()) {
                throw new MalformedNoteException("checkpoint lines must not be empty");
            }
        }
        if (!DECIMAL.matcher(lines[1]).matches()) {
            throw new MalformedNoteException("tree size is not a decimal number without leading zeros: " + lines[1]);
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new MalformedNoteException("tree size is too large: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException("root hash is not standard base64");
        }
        if (!Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw new MalformedNoteException("root hash is not canonical base64 (unused bits set)");
        }
        if (root.length != Rfc9162.HASH_SIZE) {
            throw new MalformedNoteException("root hash is " + root.length + " bytes, not " + Rfc9162.HASH_SIZE);
        }
        return new Checkpoint(lines[0], size, root, List.of(lines).subList(3, lines.length));
    }

    /** The note text of this checkpoint. */
    public String text() {
        StringBuilder text = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash))
                .append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
