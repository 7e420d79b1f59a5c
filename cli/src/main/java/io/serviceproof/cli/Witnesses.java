package io.serviceproof.cli;

import io.serviceproof.cli.witness.ServiceProofWitness;
import java.io.PrintWriter;

/** The witness command for programs that ship it ({@code serviceproof witness}), on the process's own streams. */
public final class Witnesses {

    private Witnesses() {}

    /** Runs {@code serviceproof witness <args>}; returns the exit code. */
    public static int run(String... args) {
        return ServiceProofWitness.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }
}
