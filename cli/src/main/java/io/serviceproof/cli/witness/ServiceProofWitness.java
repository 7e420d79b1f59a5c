package io.serviceproof.cli.witness;

import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.witness.CosignerSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serviceproof witness}: a transparency-log witness that a certification body or a buyer
 * runs on its own machine, with its own key and its own small store. It cosigns a log's checkpoints
 * only while they stay consistent with everything it cosigned before, so a log that forks or rolls
 * back loses its cosignatures.
 */
@Command(
        name = "serviceproof witness",
        mixinStandardHelpOptions = true,
        description = "Run a c2sp.org/tlog-witness witness for ServiceProof logs.",
        subcommands = {ServiceProofWitness.Init.class, ServiceProofWitness.Serve.class})
public final class ServiceProofWitness implements Runnable {

    static final String KEY_FILE = "witness.key";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new ServiceProofWitness());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("error: " + e.getMessage());
            return 2;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = "Create the witness's key; print its public key.")
    static final class Init implements Callable<Integer> {

        @Option(names = "--dir", required = true, description = "The witness's folder (key and state).")
        Path dir;

        @Option(names = "--name", required = true, description = "The witness's name, e.g. witness.example-cb.com/w1.")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(dir);
            Path keyFile = dir.resolve(KEY_FILE);
            CosignerSigner signer = CosignerSigner.generate(name);
            Files.writeString(keyFile, signer.format() + "\n", StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // The folder's permissions apply.
            }
            spec.commandLine().getOut().println(signer.publicKey());
            return 0;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Answer add-checkpoint requests.")
    static final class Serve implements Callable<Integer> {

        @Option(names = "--dir", required = true, description = "The witness's folder, made by init.")
        Path dir;

        @Option(names = "--log", description = "A log's verifier key to witness (repeatable).")
        List<String> logs = new ArrayList<>();

        @Option(names = "--logs-file", description = "A file of log verifier keys, one per line.")
        Path logsFile;

        @Option(
                names = "--listen",
                defaultValue = "127.0.0.1:7380",
                description = "host:port (default ${DEFAULT-VALUE}).")
        String listen;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CosignerSigner signer =
                    CosignerSigner.parse(Files.readString(dir.resolve(KEY_FILE), StandardCharsets.UTF_8));
            List<VerifierKey> keys = new ArrayList<>();
            logs.forEach(vkey -> keys.add(VerifierKey.parse(vkey)));
            if (logsFile != null) {
                for (String line : Files.readAllLines(logsFile)) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) {
                        keys.add(VerifierKey.parse(line));
                    }
                }
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("give the logs to witness with --log or --logs-file");
            }
            int colon = listen.lastIndexOf(':');
            InetSocketAddress address =
                    new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)));
            Witness witness = new Witness(signer, keys, new WitnessState(dir), Clock.systemUTC());
            WitnessHttpServer server =
                    new WitnessHttpServer(address, witness, signer.publicKey().toString());
            server.start();
            spec.commandLine()
                    .getOut()
                    .printf(
                            "witness %s listening on %s:%d for %d log(s)%n",
                            signer.publicKey(), address.getHostString(), server.port(), keys.size());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            stopped.await();
            return 0;
        }
    }
}
