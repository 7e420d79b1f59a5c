package io.serviceproof.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code serviceproof-verify}: checks ServiceProof's outputs offline or against a log's public
 * tiles, trusting nothing but the verifier key it is given. Exit 0 valid (every check made against
 * anchors the user gave), 1 invalid, 2 usage or I/O error, 3 incomplete (nothing failed, but a check
 * could not be made because an anchor was not given).
 */
@Command(
        name = "serviceproof-verify",
        mixinStandardHelpOptions = true,
        version = "serviceproof-verify 0.1.0",
        description = "Verify ServiceProof logs and proofs without trusting the server that produced them.",
        subcommands = {
            LogCommand.class,
            ProofCommand.class,
            ConsistencyCommand.class,
            CredentialCommand.class,
            DossierCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:valid: every check made against the anchors you gave",
            "1:invalid (the message says what)",
            "2:usage or I/O error",
            "3:incomplete: nothing failed, but a check was not made (the message says which anchor to give)"
        })
public final class ServiceProofVerify implements Runnable {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int ERROR = 2;
    public static final int INCOMPLETE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the tool with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new ServiceProofVerify());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            e.getCommandLine().usage(err);
            return ERROR;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("error: " + e.getMessage());
            return ERROR;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
