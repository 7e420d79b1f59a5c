package io.serviceproof.evidence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.common.UnprocessableDocumentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archive bombs are found where a reader would find them, not only at byte 0. */
class ArchiveGuardTests {

    @TempDir
    Path folder;

    /** 30 MB of zeros in a zip of about 30 KB. */
    private static byte[] bomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 30; i++) {
                zip.write(zeros);
            }
        }
        return bytes.toByteArray();
    }

    private Path write(byte[] prefix, byte[] body) throws IOException {
        Path file = folder.resolve("upload.bin");
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        Files.write(file, all);
        return file;
    }

    private static void assertBomb(Path file) throws IOException {
        assertThatThrownBy(() -> ArchiveGuard.check(file, Files.size(file)))
                .isInstanceOf(UnprocessableDocumentException.class)
                .hasMessageContaining("archive bomb");
    }

    @Test
    void aBombAtTheStartIsRefused() throws IOException {
        assertBomb(write(new byte[0], bomb()));
    }

    @Test
    void eightJunkBytesInFrontDoNotHideABomb() throws IOException {
        assertBomb(write("JUNK1234".getBytes(), bomb()));
    }

    @Test
    void aBombBehindAPdfHeaderIsStillABomb() throws IOException {
        byte[] header = "%PDF-1.7\n% a self-extracting or polyglot file\n".getBytes();
        assertBomb(write(header, bomb()));
    }

    @Test
    void randomBytesThatHappenToHoldASignatureAreNotAnArchive() throws IOException {
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        noise[1000] = 'P';
        noise[1001] = 'K';
        noise[1002] = 3;
        noise[1003] = 4;
        noise[150_000] = 'P';
        noise[150_001] = 'K';
        noise[150_002] = 5;
        noise[150_003] = 6;
        Path file = write(new byte[0], noise);
        assertThatCode(() -> ArchiveGuard.check(file, Files.size(file))).doesNotThrowAnyException();
    }

    @Test
    void anOrdinarySmallArchivePasses() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("procedure.txt"));
            zip.write("Remote access needs a second person on site.".repeat(100).getBytes());
        }
        Path file = write(new byte[0], bytes.toByteArray());
        assertThatCode(() -> ArchiveGuard.check(file, Files.size(file))).doesNotThrowAnyException();
    }
}
