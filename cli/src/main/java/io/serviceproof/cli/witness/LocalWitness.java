package io.serviceproof.cli.witness;

import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.witness.CosignerKey;
import io.serviceproof.verifier.witness.CosignerSigner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A witness run inside this JVM on a folder of its own (key and state), as {@code serviceproof
 * witness serve} runs it: for tests, benchmarks and embedding. Closing and starting it again on the
 * same folder is a witness restart.
 */
public final class LocalWitness implements AutoCloseable {

    private final WitnessHttpServer server;
    private final CosignerKey publicKey;

    private LocalWitness(WitnessHttpServer server, CosignerKey publicKey) {
        this.server = server;
        this.publicKey = publicKey;
    }

    /** Starts on {@code port} (0: any free port), creating the witness's key on first use. */
    public static LocalWitness start(Path dir, String name, List<VerifierKey> logs, int port) throws IOException {
        Files.createDirectories(dir);
        Path keyFile = dir.resolve(ServiceProofWitness.KEY_FILE);
        if (!Files.exists(keyFile)) {
            Files.writeString(keyFile, CosignerSigner.generate(name).format() + "\n");
        }
        CosignerSigner signer = CosignerSigner.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
        Witness witness = new Witness(signer, logs, new WitnessState(dir), Clock.systemUTC());
        WitnessHttpServer server = new WitnessHttpServer(
                new InetSocketAddress("127.0.0.1", port),
                witness,
                signer.publicKey().toString());
        server.start();
        return new LocalWitness(server, signer.publicKey());
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public CosignerKey publicKey() {
        return publicKey;
    }

    @Override
    public void close() {
        server.close();
    }
}
