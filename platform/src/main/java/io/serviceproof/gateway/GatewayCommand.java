package io.serviceproof.gateway;

import io.serviceproof.common.SafeYaml;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serviceproof gateway}: the edge gateway a plant runs beside its machines. {@code init} makes
 * its key and prints the public key to register as a device; {@code --config gateway.yaml} runs it.
 */
@Command(
        name = "serviceproof gateway",
        mixinStandardHelpOptions = true,
        description =
                "Read local MQTT brokers and OPC UA servers, sign, buffer on disk and push events to ServiceProof.",
        subcommands = {GatewayCommand.Init.class})
public final class GatewayCommand implements Callable<Integer> {

    @Option(names = "--config", description = "The gateway's configuration (gateway.yaml).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs {@code serviceproof gateway <args>} on the process's own streams; returns the exit code. */
    public static int run(String... args) {
        // No Spring here to read logging settings: without this, Logback's default prints the MQTT and
        // OPC UA clients' debug output. Errors and warnings still go to the console.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new GatewayCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("error: " + e.getMessage());
            return 2;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (config == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 2;
        }
        String yaml = Files.readString(config);
        SafeYaml.screen(yaml);
        GatewayConfig parsed = SafeYaml.mapper().build().readValue(yaml, GatewayConfig.class);
        Gateway gateway = new Gateway(parsed, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                gateway.close();
            } catch (Exception e) {
                // stopping: the spool and the brokers keep what was not delivered
            }
            stopped.countDown();
        }));
        gateway.start();
        spec.commandLine()
                .getOut()
                .println("gateway running: status on http://" + parsed.status() + "/status, spool in "
                        + Path.of(parsed.dir()).resolve("spool"));
        stopped.await();
        return 0;
    }

    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = "Make the gateway's Ed25519 key and OPC UA certificate; print what to register and trust.")
    static final class Init implements Callable<Integer> {

        @Option(names = "--dir", required = true, description = "The gateway's folder (key and spool).")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            GatewayKey key = GatewayKey.create(dir);
            PrintWriter out = spec.commandLine().getOut();
            out.println(key.publicKeyBase64());
            out.println("key id " + key.keyId() + "; register the public key above as a device (/devices)");
            OpcUaCertificate opcua = OpcUaCertificate.loadOrCreate(dir, key.keyId(), Clock.systemUTC());
            out.println("OPC UA client certificate " + dir.resolve(OpcUaCertificate.DER_FILE) + " (SHA-256 "
                    + opcua.fingerprint() + "): add it to the trusted certificates of each machine's OPC UA server");
            return 0;
        }
    }
}
