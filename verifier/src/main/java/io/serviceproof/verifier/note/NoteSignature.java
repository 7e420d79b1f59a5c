package io.serviceproof.verifier.note;

import java.util.Base64;

/**
 * One signature line: {@code — <name> base64(keyId || signature)}.
 *
 * @param keyId the 4-byte key ID as an unsigned big-endian number
 * @param signature the signature bytes after the key ID
 */
public record NoteSignature(String name, long keyId, byte[] signature) {

    public NoteSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The line as it appears in a note, without its final newline. */
    public String line() {
        byte[] bytes = new byte[4 + signature.length];
        bytes[0] = (byte) (keyId >>> 24);
        bytes[1] = (byte) (keyId >>> 16);
        bytes[2] = (byte) (keyId >>> 8);
        bytes[3] = (byte) keyId;
        System.arraycopy(signature, 0, bytes, 4, signature.length);
        return SignedNote.SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(bytes);
    }
}
