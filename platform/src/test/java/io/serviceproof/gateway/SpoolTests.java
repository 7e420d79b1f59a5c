package io.serviceproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's spool: nothing forced is lost, nothing delivered comes back, a torn tail is cut, damage is refused. */
class SpoolTests {

    @TempDir
    Path dir;

    @Test
    void recordsComeBackInOrderUntilDeliveredAndTheCursorSurvivesAReopen() throws IOException {
        try (Spool spool = new Spool(dir, 1024)) {
            spool.append(records(0, 50));
            Spool.Batch first = spool.read(20, 1 << 20);
            assertThat(text(first)).containsExactlyElementsOf(names(0, 20));
            spool.commit(first, 20);
            assertThat(spool.pendingRecords()).isEqualTo(30);
        }
        try (Spool reopened = new Spool(dir, 1024)) {
            assertThat(reopened.pendingRecords()).isEqualTo(30);
            Spool.Batch rest = reopened.read(100, 1 << 20);
            assertThat(text(rest)).containsExactlyElementsOf(names(20, 50));
            reopened.commit(rest, 30);
            assertThat(reopened.read(10, 1 << 20).isEmpty()).isTrue();
            assertThat(reopened.pendingBytes()).isZero();
        }
    }

    @Test
    void segmentsRollOverAndDeliveredOnesAreDeleted() throws IOException {
        try (Spool spool = new Spool(dir, 200)) {
            spool.append(records(0, 40));
            assertThat(segments()).hasSizeGreaterThan(3);
            Spool.Batch all = spool.read(1_000, 1 << 20);
            assertThat(text(all)).containsExactlyElementsOf(names(0, 40));
            spool.commit(all, 40);
            assertThat(segments()).hasSize(1);
            spool.append(records(40, 45));
            assertThat(text(spool.read(100, 1 << 20))).containsExactlyElementsOf(names(40, 45));
        }
    }

    @Test
    void aTornAppendAtTheTailIsCutOffAndEverythingForcedBeforeItIsKept() throws IOException {
        try (Spool spool = new Spool(dir, 1 << 20)) {
            spool.append(records(0, 10));
        }
        Path segment = segments().get(0);
        // What a crash mid-append leaves: a frame whose body never fully reached the disk.
        try (FileChannel out = FileChannel.open(segment, StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.allocate(8).putInt(100).putInt(12345).flip());
            out.write(ByteBuffer.wrap("half a rec".getBytes(StandardCharsets.UTF_8)));
        }
        try (Spool reopened = new Spool(dir, 1 << 20)) {
            assertThat(text(reopened.read(100, 1 << 20))).containsExactlyElementsOf(names(0, 10));
            reopened.append(records(10, 12));
            assertThat(text(reopened.read(100, 1 << 20))).containsExactlyElementsOf(names(0, 12));
        }
    }

    @Test
    void damageInTheMiddleOfForcedRecordsIsRefusedRatherThanDroppedSilently() throws IOException {
        try (Spool spool = new Spool(dir, 1 << 20)) {
            spool.append(records(0, 10));
        }
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[20] ^= 0x01; // a flipped bit inside the second record's body
        Files.write(segment, bytes);
        assertThatThrownBy(() -> new Spool(dir, 1 << 20))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("damaged");
    }

    private List<Path> segments() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    private static List<byte[]> records(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> ("record-" + i).getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    private static List<String> names(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "record-" + i).toList();
    }

    private static List<String> text(Spool.Batch batch) {
        return batch.records().stream()
                .map(r -> new String(r, StandardCharsets.UTF_8))
                .toList();
    }
}
