package io.serviceproof.verifier.note;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies a note against trusted keys. A signature whose name and key ID match no trusted key is
 * ignored (that is how witnesses and key rotation coexist); a signature from a trusted key that does
 * not verify is an error; at least one trusted signature must verify.
 */
public final class NoteVerifier {

    private NoteVerifier() {}

    /** The names of the trusted keys whose signatures verified. */
    public static List<String> verify(SignedNote note, Collection<VerifierKey> trusted)
            throws NoteVerificationException {
        List<String> verified = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NoteSignature signature : note.signatures()) {
            VerifierKey key = find(trusted, signature);
            if (key == null || !seen.add(key.name() + "+" + key.keyId())) {
                continue;
            }
            if (!key.verifies(note.text(), signature.signature())) {
                throw new NoteVerificationException("the signature of '" + signature.name() + "' does not verify");
            }
            verified.add(key.name());
        }
        if (verified.isEmpty()) {
            throw new NoteVerificationException("no signature from a trusted key (trusted: "
                    + trusted.stream().map(VerifierKey::name).toList() + ")");
        }
        return verified;
    }

    private static VerifierKey find(Collection<VerifierKey> trusted, NoteSignature signature) {
        for (VerifierKey key : trusted) {
            if (key.name().equals(signature.name()) && key.keyId() == signature.keyId()) {
                return key;
            }
        }
        return null;
    }
}
