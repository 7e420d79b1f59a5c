package io.serviceproof.verifier.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile archives, each built here byte by byte: anything on which two zip readers could disagree
 * is refused with its reason, and what is accepted reads the same as java.util.zip does.
 */
class StrictZipTests {

    /** One entry of a hand-made archive; every field a forger controls is a field here. */
    static final class Raw {
        String name;
        String centralName;
        byte[] data;
        int flags;
        int method;
        long centralCrc = -1;
        long centralSize = -1;
        long centralOffset = -1;
        int centralComment;

        Raw(String name, String data) {
            this.name = name;
            this.centralName = name;
            this.data = data.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Writes local headers and data (stored), then the central directory and the end record. */
    static byte[] build(List<Raw> entries, byte[] prefix, byte[] between, byte[] comment, Consumer<ByteBuffer> end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        List<Long> offsets = new ArrayList<>();
        for (Raw e : entries) {
            offsets.add((long) out.size());
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            ByteBuffer local = le(30 + name.length);
            local.putInt(0x04034b50)
                    .putShort((short) 20)
                    .putShort((short) e.flags)
                    .putShort((short) e.method);
            local.putInt(0).putInt((int) crc(e.data)).putInt(e.data.length).putInt(e.data.length);
            local.putShort((short) name.length).putShort((short) 0).put(name);
            out.writeBytes(local.array());
            out.writeBytes(e.data);
            out.writeBytes(between);
        }
        long directoryOffset = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Raw e = entries.get(i);
            byte[] name = e.centralName.getBytes(StandardCharsets.UTF_8);
            ByteBuffer c = le(46 + name.length + e.centralComment);
            c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) e.flags);
            c.putShort((short) e.method).putInt(0).putInt((int) (e.centralCrc >= 0 ? e.centralCrc : crc(e.data)));
            int size = (int) (e.centralSize >= 0 ? e.centralSize : e.data.length);
            c.putInt(size).putInt(size).putShort((short) name.length).putShort((short) 0);
            c.putShort((short) e.centralComment)
                    .putShort((short) 0)
                    .putShort((short) 0)
                    .putInt(0);
            c.putInt((int) (e.centralOffset >= 0 ? e.centralOffset : offsets.get(i)))
                    .put(name);
            out.writeBytes(c.array());
        }
        long directorySize = out.size() - directoryOffset;
        ByteBuffer eocd = le(22 + comment.length);
        eocd.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
        eocd.putShort((short) entries.size()).putShort((short) entries.size());
        eocd.putInt((int) directorySize)
                .putInt((int) directoryOffset)
                .putShort((short) comment.length)
                .put(comment);
        end.accept(eocd);
        out.writeBytes(eocd.array());
        return out.toByteArray();
    }

    static byte[] build(List<Raw> entries) {
        return build(entries, new byte[0], new byte[0], new byte[0], b -> {});
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    static List<Raw> twoFiles() {
        return new ArrayList<>(List.of(new Raw("manifest.json", "{}"), new Raw("evidence/a/v1-cert.pdf", "genuine")));
    }

    static void refused(byte[] zip, String reason) {
        assertThatThrownBy(() -> StrictZip.read(zip, n -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void whatJavaZipWritesReadsTheSameAsJavaReadsIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : new String[] {"manifest.json", "credential.json", "evidence/x/v1-report.pdf"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("content of " + name).repeat(1000).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Map<String, StrictZip.Entry> read = StrictZip.read(bytes.toByteArray(), n -> n.endsWith(".json"));
        assertThat(read).containsOnlyKeys("manifest.json", "credential.json", "evidence/x/v1-report.pdf");
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                StrictZip.Entry ours = read.get(e.getName());
                assertThat(ours.sha256())
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
                assertThat(ours.size()).isEqualTo(content.length);
            }
        }
        assertThat(read.get("credential.json").bytes()).isNotNull();
        assertThat(read.get("evidence/x/v1-report.pdf").bytes())
                .as("hashed, never held")
                .isNull();
    }

    @Test
    void aHandMadeArchiveThatAgreesWithItselfIsRead() {
        assertThat(StrictZip.read(build(twoFiles()), n -> true)).hasSize(2);
    }

    @Test
    void anExtraFileListedOnlyInTheCentralDirectoryAfterFillerIsRefused() {
        // The reported differential: a streaming reader sees the genuine file; unzip sees a forged one
        // placed after filler bytes and listed by the central directory.
        List<Raw> entries = twoFiles();
        entries.add(new Raw("evidence/a/v1-certificate.pdf", "forged"));
        refused(build(entries, new byte[0], "FILLER".getBytes(), new byte[0], b -> {}), "between entries");
    }

    @Test
    void aLocalHeaderThatNamesAnotherFileThanTheDirectoryIsRefused() {
        List<Raw> entries = twoFiles();
        entries.get(1).centralName = "evidence/a/v1-forged.pdf";
        refused(build(entries), "local header differs");
    }

    @Test
    void sizesOrCrcThatDisagreeAreRefused() {
        List<Raw> crc = twoFiles();
        crc.get(1).centralCrc = 12345;
        refused(build(crc), "differ from the central directory");
        List<Raw> size = twoFiles();
        size.get(1).centralSize = 3;
        refused(build(size), "differ from the central directory");
    }

    @Test
    void overlappingEntriesAreRefused() {
        List<Raw> entries = twoFiles();
        entries.get(1).centralOffset = 0;
        refused(build(entries), "overlap");
    }

    @Test
    void prependedBytesAndArchiveCommentsAreRefused() {
        refused(build(twoFiles(), "MZ-self-extractor".getBytes(), new byte[0], new byte[0], b -> {}), "before");
        refused(build(twoFiles(), new byte[0], new byte[0], "a comment".getBytes(), b -> {}), "comment");
        List<Raw> entryComment = twoFiles();
        entryComment.get(0).centralComment = 4;
        refused(build(entryComment), "entry comment");
    }

    @Test
    void twoArchivesInOneFileAreRefused() {
        byte[] one = build(twoFiles());
        byte[] two = build(List.of(new Raw("credential.json", "{\"forged\":true}")));
        byte[] both = new byte[one.length + two.length];
        System.arraycopy(one, 0, both, 0, one.length);
        System.arraycopy(two, 0, both, one.length, two.length);
        refused(both, "");
    }

    @Test
    void truncatedArchivesAreRefused() {
        byte[] zip = build(twoFiles());
        for (int cut : new int[] {1, 10, 22, 40, zip.length / 2}) {
            refused(java.util.Arrays.copyOf(zip, zip.length - cut), "");
        }
        refused(new byte[0], "too short");
        refused("not a zip at all, just text long enough".getBytes(), "no end record");
    }

    @Test
    void encryptedEntriesUnknownMethodsAndZip64AreRefused() {
        List<Raw> encrypted = twoFiles();
        encrypted.get(1).flags = 1;
        refused(build(encrypted), "encrypted");
        List<Raw> bzip = twoFiles();
        bzip.get(1).method = 12;
        refused(build(bzip), "compression method 12");
        refused(build(twoFiles(), new byte[0], new byte[0], new byte[0], b -> b.putInt(16, -1)), "ZIP64");
        refused(build(twoFiles(), new byte[0], new byte[0], new byte[0], b -> b.putShort(4, (short) 1)), "multi-disk");
    }

    @Test
    void duplicateNamesAreRefused() {
        List<Raw> entries = twoFiles();
        entries.add(new Raw("manifest.json", "{\"second\":1}"));
        refused(build(entries), "duplicate entry: manifest.json");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../escaped.txt",
                "evidence/../../x",
                "/etc/passwd",
                "C:/x",
                "evidence\\x.pdf",
                "evidence/./x",
                "evidence/x/",
                "\uFF0E\uFF0E/x", // fullwidth full stops
                "evidence\u2215x", // division slash
                "evide\u0301nce/x", // combining accent
                "r\u0435port.pdf", // Cyrillic e
                "a\u0000b"
            })
    void unsafeAndLookAlikeNamesAreRefused(String name) {
        List<Raw> entries = twoFiles();
        entries.add(new Raw(name, "x"));
        refused(build(entries), "entry name");
    }

    @Test
    void aCorruptedByteIsCaughtByItsCrc() {
        byte[] zip = build(twoFiles());
        int at = new String(zip, StandardCharsets.ISO_8859_1).indexOf("genuine");
        zip[at] ^= 1;
        refused(zip, "CRC");
    }

    @Test
    void aDeclaredSizePastTheRatioIsRefusedBeforeInflating() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("evidence/zeros.bin"));
            zip.write(new byte[20 << 20]);
            zip.closeEntry();
        }
        refused(bytes.toByteArray(), "archive bomb");
    }

    @Test
    void aKeptFileOverTheLimitIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(0);
            zip.putNextEntry(new ZipEntry("credential.json"));
            byte[] noise = new byte[StrictZip.MAX_KEPT_BYTES + 1];
            new java.util.Random(1).nextBytes(noise);
            zip.write(noise);
            zip.closeEntry();
        }
        assertThatThrownBy(() -> StrictZip.read(bytes.toByteArray(), n -> n.equals("credential.json")))
                .hasMessageContaining("larger than");
    }
}
