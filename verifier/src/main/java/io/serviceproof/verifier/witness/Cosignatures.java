package io.serviceproof.verifier.witness;

import java.nio.charset.StandardCharsets;

/** The message a {@code cosignature/v1} signs (c2sp.org/tlog-cosignature, "Ed25519 signed message"). */
public final class Cosignatures {

    private Cosignatures() {}

    /**
     * {@code cosignature/v1\ntime <timestamp>\n} followed by the whole checkpoint body (extension
     * lines included, signature lines not).
     */
    public static byte[] message(long timestamp, String checkpointText) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }
}
