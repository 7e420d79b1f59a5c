package io.serviceproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.verifier.note.SignerKey;
import io.serviceproof.verifier.witness.CosignerSigner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code log} remembers the last checkpoint it verified per log and catches what a log's operator
 * could otherwise do unseen between two runs: roll back, fork, or freeze; and with {@code --policy}
 * it believes only a checkpoint its quorum of witnesses cosigned.
 */
class LogCommandMemoryTests {

    private static final SignerKey KEY = SignerKey.fromSeed("example.com/log", seed(7));

    @TempDir
    Path state;

    private final List<StaticLog> logs = new ArrayList<>();
    private String out;
    private String err;

    @AfterEach
    void stop() {
        logs.forEach(StaticLog::close);
    }

    @Test
    void aLogThatGrowsConsistentlyIsValidEachRunAndSaysItExtendsTheRememberedCheckpoint() throws Exception {
        StaticLog log = log("a", 300);
        assertThat(run(log, "--vkey", log.vkey())).isEqualTo(ServiceProofVerify.VALID);
        assertThat(out).contains("300 entries", "remembered in " + state);

        log.grow("a", 40);
        assertThat(run(log, "--vkey", log.vkey())).isEqualTo(ServiceProofVerify.VALID);
        assertThat(out).contains("340 entries", "consistent with the checkpoint of size 300");
    }

    @Test
    void aRollbackSinceTheLastRunIsInvalidAndBothCheckpointsArePrinted() throws Exception {
        StaticLog log = log("a", 300);
        assertThat(run(log, "--vkey", log.vkey())).isZero();

        log.show(120);
        assertThat(run(log, "--vkey", log.vkey())).isEqualTo(ServiceProofVerify.INVALID);
        assertThat(err).contains("ROLLBACK", "120 entries", "300", "remembered checkpoint", "checkpoint shown now");
        assertThat(err).contains("    example.com/log\n    300\n", "    example.com/log\n    120\n");

        log.show(300);
        assertThat(run(log, "--vkey", log.vkey()))
                .as("the rollback did not overwrite the memory")
                .isZero();
    }

    @Test
    void aForkOfTheSameSizeOrOneThatDoesNotExtendTheRememberedTreeIsInvalid() throws Exception {
        StaticLog honest = log("a", 50);
        assertThat(run(honest, "--vkey", honest.vkey())).isZero();

        StaticLog sameSize = log("b", 50);
        assertThat(run(sameSize, "--vkey", sameSize.vkey())).isEqualTo(ServiceProofVerify.INVALID);
        assertThat(err).contains("FORK", "two checkpoints of size 50");

        StaticLog longer = log("b", 80);
        assertThat(run(longer, "--vkey", longer.vkey())).isEqualTo(ServiceProofVerify.INVALID);
        assertThat(err).contains("FORK", "does not extend");
    }

    @Test
    void aCheckpointNotRefreshedForLongerThanMaxAgeIsReportedStale() throws Exception {
        StaticLog log = log("a", 10);
        CheckpointMemory.at(state)
                .remember(log.vkey(), log.checkpoint(), Instant.now().minus(Duration.ofDays(2)));

        assertThat(run(log, "--vkey", log.vkey())).isEqualTo(ServiceProofVerify.INCOMPLETE);
        assertThat(err).contains("STALE", "since this tool first saw it");
        assertThat(run(log, "--vkey", log.vkey(), "--max-age", "7d")).isZero();
    }

    @Test
    void underAPolicyOnlyAQuorumOfValidCosignaturesIsBelieved() throws Exception {
        CosignerSigner w1 = CosignerSigner.fromSeed("witness.example/w1", seed(1));
        CosignerSigner w2 = CosignerSigner.fromSeed("witness.example/w2", seed(2));
        Path policy = state.resolveSibling(state.getFileName() + ".policy");
        Files.writeString(
                policy,
                "# two of two\nlog " + KEY.verifierKey() + "\nwitness w1 " + w1.publicKey() + "\nwitness w2 "
                        + w2.publicKey() + "\ngroup both all w1 w2\nquorum both\n");
        long now = Instant.now().getEpochSecond();
        StaticLog log = log("a", 20).cosignedBy(List.of(w1), now);
        assertThat(run(log, "--policy", policy.toString())).isEqualTo(ServiceProofVerify.INVALID);
        assertThat(err).contains("cosigned by [w1]", "2 of [w1, w2]");

        log.cosignedBy(List.of(w1, w2), now);
        assertThat(run(log, "--policy", policy.toString())).isZero();
        assertThat(out).doesNotContain("no witness policy given");

        log.cosignedBy(List.of(w1, w2), now - Duration.ofDays(3).toSeconds());
        assertThat(run(log, "--policy", policy.toString())).isEqualTo(ServiceProofVerify.INCOMPLETE);
        assertThat(err).contains("STALE", "was last cosigned at");
    }

    @Test
    void withoutStateNothingIsRememberedAndTheToolSaysWhatItCannotCatch() throws Exception {
        StaticLog log = log("a", 5);
        assertThat(run(log, "--vkey", log.vkey(), "--no-state")).isZero();
        assertThat(out).contains("no witness policy given");
        try (var files = Files.list(state)) {
            assertThat(files).isEmpty();
        }
    }

    private StaticLog log(String prefix, int count) throws Exception {
        StaticLog log = new StaticLog(KEY, prefix, count);
        logs.add(log);
        return log;
    }

    private int run(StaticLog log, String... options) {
        List<String> args = new ArrayList<>(List.of("log", "--url", log.url(), "--state", state.toString()));
        args.addAll(List.of(options));
        if (args.contains("--no-state")) {
            args.remove("--state");
            args.remove(state.toString());
        }
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code =
                ServiceProofVerify.run(new PrintWriter(o, true), new PrintWriter(e, true), args.toArray(String[]::new));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private static byte[] seed(int b) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) b);
        return seed;
    }
}
