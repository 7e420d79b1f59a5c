package io.serviceproof.benchmarks;

import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.verifier.event.EventEnvelope;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.note.Ed25519;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What checking one device-signed event costs on arrival (issue 19): rebuilding the DSSE bytes from
 * the entry and verifying its Ed25519 signature, with the JDK's provider (what the server uses) and
 * with Bouncy Castle's, to decide whether the JDK is fast enough. Scores are signatures per second
 * per thread; run with {@code -t 2} for the machine's two cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Ed25519Benchmark {

    private PublicKey jdkKey;
    private byte[] rawKey;
    private byte[] message;
    private byte[] signature;
    private EntryDraft draft;
    private org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point;

    @Setup
    public void sign() throws Exception {
        KeyPair pair = Ed25519.fromSeed(new byte[32]);
        jdkKey = pair.getPublic();
        rawKey = Ed25519.rawPublicKey(pair.getPublic());
        draft = Events.batch("ed-", 0, 1).get(0);
        message = EventEnvelope.signedBytes(entry(draft));
        signature = Ed25519.sign(pair.getPrivate(), message);
        point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFullExport(rawKey, 0);
    }

    private static Map<?, ?> entry(EntryDraft draft) throws Exception {
        return (Map<?, ?>) Json.parse(new String(draft.canonicalBytes(), StandardCharsets.UTF_8));
    }

    /** The JDK's SunEC Ed25519, over prepared bytes. */
    @Benchmark
    public boolean jdkVerify() {
        return Ed25519.verify(jdkKey, message, signature);
    }

    /** Bouncy Castle's RFC 8032 code, over the same bytes. */
    @Benchmark
    public boolean bouncyCastleVerify() {
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, rawKey, 0, message, 0, message.length);
    }

    /** Bouncy Castle with the key decoded once (a device's key is reused for every event it signs). */
    @Benchmark
    public boolean bouncyCastleVerifyDecodedKey() {
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, point, message, 0, message.length);
    }

    /** What the server does per event besides the signature: canonical bytes, parse, DSSE bytes. */
    @Benchmark
    public byte[] rebuildSignedBytes() throws Exception {
        return EventEnvelope.signedBytes(entry(draft));
    }
}
