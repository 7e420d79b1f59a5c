package io.serviceproof.verifier.checkpoint;

import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A C2SP tlog-proof file ({@code c2sp.org/tlog-proof@v1}): optional extra data, the entry's index, its
 * inclusion proof, and the signed checkpoint the proof leads to. Self-contained: anyone holding the
 * log's verifier key can check it offline.
 */
public record TlogProof(byte[] extra, long index, List<byte[]> inclusionProof, SignedNote checkpointNote) {

    public static final String HEADER = "c2sp.org/tlog-proof@v1";
    /** The file extension the specification recommends. */
    public static final String FILE_EXTENSION = ".tlog-proof";

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    public TlogProof {
        extra = extra == null ? null : extra.clone();
        inclusionProof = inclusionProof.stream().map(byte[]::clone).toList();
    }

    /** The checkpoint body of the signed note. */
    public Checkpoint checkpoint() throws MalformedNoteException {
        return Checkpoint.parse(checkpointNote.text());
    }

    public static TlogProof parse(byte[] bytes) throws MalformedNoteException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int blank = text.indexOf("\n\n");
        if (!text.startsWith(HEADER + "\n") || blank < 0) {
            throw new MalformedNoteException(
                    "not a tlog-proof: it must start with '" + HEADER + "' and hold a checkpoint after a blank line");
        }
        List<String> lines = List.of(text.substring(0, blank).split("\n", -1));
        int next = 1;
        byte[] extra = null;
        if (next < lines.size() && lines.get(next).startsWith("extra ")) {
            extra = base64(lines.get(next).substring("extra ".length()), "extra data");
            next++;
        }
        if (next >= lines.size() || !lines.get(next).startsWith("index ")) {
            throw new MalformedNoteException("tlog-proof has no 'index <n>' line");
        }
        String indexText = lines.get(next).substring("index ".length());
        if (!DECIMAL.matcher(indexText).matches()) {
            throw new MalformedNoteException("tlog-proof index is not a decimal number without leading zeros");
        }
        long index = Long.parseLong(indexText);
        List<byte[]> proof = new ArrayList<>();
        for (String line : lines.subList(next + 1, lines.size())) {
            byte[] hash = base64(line, "proof hash");
            if (hash.length != Rfc9162.HASH_SIZE) {
                throw new MalformedNoteException("proof hash is " + hash.length + " bytes, not " + Rfc9162.HASH_SIZE);
            }
            proof.add(hash);
        }
        SignedNote checkpoint = SignedNote.parse(text.substring(blank + 2).getBytes(StandardCharsets.UTF_8));
        Checkpoint.parse(checkpoint.text());
        return new TlogProof(extra, index, proof, checkpoint);
    }

    /** The file's bytes. */
    public byte[] format() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            out.append("extra ")
                    .append(Base64.getEncoder().encodeToString(extra))
                    .append('\n');
        }
        out.append("index ").append(index).append('\n');
        inclusionProof.forEach(
                h -> out.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        out.append('\n').append(checkpointNote.format());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] base64(String text, String what) throws MalformedNoteException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException(what + " is not standard base64");
        }
    }
}
