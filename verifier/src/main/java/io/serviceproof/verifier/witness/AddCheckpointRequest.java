package io.serviceproof.verifier.witness;

import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.tlog.Rfc9162;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of a c2sp.org/tlog-witness {@code add-checkpoint} request: {@code old <size>}, at most 63
 * consistency proof hashes (one base64 line each), an empty line, and the signed checkpoint.
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> proof, SignedNote checkpoint) {

    /** The largest body a witness reads: 63 proof lines and a checkpoint with many cosignatures. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final int MAX_PROOF = 63;
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    public AddCheckpointRequest {
        proof = List.copyOf(proof);
    }

    public static AddCheckpointRequest parse(byte[] body) throws MalformedNoteException {
        if (body.length > MAX_BYTES) {
            throw new MalformedNoteException("the request is larger than " + MAX_BYTES + " bytes");
        }
        int at = 0;
        int end = lineEnd(body, at);
        String oldLine = new String(body, at, end - at, StandardCharsets.US_ASCII);
        if (!oldLine.startsWith("old ")
                || !DECIMAL.matcher(oldLine.substring(4)).matches()) {
            throw new MalformedNoteException("the first line must be 'old <size>' (decimal, no leading zeros)");
        }
        long oldSize;
        try {
            oldSize = Long.parseLong(oldLine.substring(4));
        } catch (NumberFormatException e) {
            throw new MalformedNoteException("old size is too large");
        }
        List<byte[]> proof = new ArrayList<>();
        at = end + 1;
        while (true) {
            end = lineEnd(body, at);
            if (end == at) {
                break;
            }
            if (proof.size() == MAX_PROOF) {
                throw new MalformedNoteException("more than " + MAX_PROOF + " consistency proof lines");
            }
            proof.add(hash(new String(body, at, end - at, StandardCharsets.US_ASCII)));
            at = end + 1;
        }
        if (oldSize == 0 && !proof.isEmpty()) {
            throw new MalformedNoteException("the proof must be empty when the old size is 0");
        }
        SignedNote checkpoint = SignedNote.parse(Arrays.copyOfRange(body, end + 1, body.length));
        return new AddCheckpointRequest(oldSize, proof, checkpoint);
    }

    /** The request as sent: old size line, proof lines, empty line, checkpoint note. */
    public byte[] format() {
        StringBuilder out = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(
                hash -> out.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        out.append('\n').append(checkpoint.format());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int lineEnd(byte[] body, int from) throws MalformedNoteException {
        for (int i = from; i < body.length; i++) {
            if (body[i] == '\n') {
                return i;
            }
        }
        throw new MalformedNoteException("the request ends before its checkpoint");
    }

    private static byte[] hash(String line) throws MalformedNoteException {
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException("a consistency proof line is not standard base64");
        }
        if (hash.length != Rfc9162.HASH_SIZE
                || !Base64.getEncoder().encodeToString(hash).equals(line)) {
            throw new MalformedNoteException("a consistency proof line is one base64 SHA-256 hash");
        }
        return hash;
    }
}
