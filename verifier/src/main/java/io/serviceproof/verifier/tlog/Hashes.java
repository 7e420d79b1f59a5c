package io.serviceproof.verifier.tlog;

/** Checks on hashes that arrive from outside: a proof element of the wrong length is an attack or a bug. */
final class Hashes {

    private Hashes() {}

    static void requireHash(byte[] hash, String what) throws ProofException {
        if (hash == null || hash.length != Rfc9162.HASH_SIZE) {
            throw new ProofException(what + " must be " + Rfc9162.HASH_SIZE + " bytes, not "
                    + (hash == null ? "missing" : hash.length + " bytes"));
        }
    }
}
