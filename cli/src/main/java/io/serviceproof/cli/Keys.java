package io.serviceproof.cli;

import io.serviceproof.verifier.note.VerifierKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a verifier key given inline or as {@code @file}. */
final class Keys {

    private Keys() {}

    static VerifierKey verifierKey(String option) throws IOException {
        String text = option.startsWith("@") ? Files.readString(Path.of(option.substring(1))) : option;
        try {
            return VerifierKey.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--vkey: " + e.getMessage());
        }
    }
}
