package io.serviceproof.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the verifier remembers checkpoints, and how old a checkpoint may be before it is stale. */
final class MemoryOptions {

    @Option(
            names = "--state",
            paramLabel = "<dir>",
            description = "Where verified checkpoints are remembered (default: $SERVICEPROOF_VERIFY_STATE, "
                    + "else ~/.serviceproof-verify)")
    Path state;

    @Option(names = "--no-state", description = "Neither compare with nor remember earlier checkpoints")
    boolean noState;

    @Option(
            names = "--max-age",
            paramLabel = "<duration>",
            defaultValue = "24h",
            description = "A checkpoint not refreshed (by a newer one, or a newer cosignature) for longer is "
                    + "reported stale: 30m, 24h, 7d (default ${DEFAULT-VALUE})")
    String maxAge;

    CheckpointMemory memory() {
        if (noState) {
            return CheckpointMemory.none();
        }
        if (state != null) {
            return CheckpointMemory.at(state);
        }
        String configured = System.getProperty("serviceproof.verify.state", System.getenv("SERVICEPROOF_VERIFY_STATE"));
        return CheckpointMemory.at(
                configured != null && !configured.isBlank()
                        ? Path.of(configured)
                        : Path.of(System.getProperty("user.home"), ".serviceproof-verify"));
    }

    Duration maxAge() {
        String text = maxAge.strip();
        if (!text.matches("[1-9][0-9]{0,6}[smhd]")) {
            throw new IllegalArgumentException("--max-age is a number and a unit: 30m, 24h, 7d");
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
