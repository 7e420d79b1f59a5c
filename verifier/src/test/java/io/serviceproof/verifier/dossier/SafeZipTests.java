package io.serviceproof.verifier.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** What a hostile archive does is refused, with the entry and the reason named. */
class SafeZipTests {

    static byte[] zip(String... namesAndContents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> read(byte[] zip) throws Exception {
        return SafeZip.read(new ByteArrayInputStream(zip));
    }

    @Test
    void anOrdinaryArchiveIsReadInOrder() throws Exception {
        assertThat(read(zip("manifest.json", "{}", "evidence/a.pdf", "x")).keySet())
                .containsExactly("manifest.json", "evidence/a.pdf");
    }

    @Test
    void namesThatLeaveTheFolderAreRefused() throws Exception {
        for (String name : new String[] {
            "../../etc/passwd", "evidence/../../x", "/etc/passwd", "C:/windows/x", "evidence\\..\\x", "./manifest.json"
        }) {
            assertThatThrownBy(() -> read(zip(name, "x"))).as(name).hasMessageContaining(name);
        }
    }

    @Test
    void duplicateEntriesAreRefused() throws Exception {
        // ZipOutputStream will not write two entries of one name; rename the second in place.
        byte[] zip = zip("manifest.json", "{}", "manifest.jsoX", "{\"forged\":true}");
        String text = new String(zip, StandardCharsets.ISO_8859_1).replace("manifest.jsoX", "manifest.json");
        assertThatThrownBy(() -> read(text.getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("duplicate entry: manifest.json");
    }

    @Test
    void bombsAndNonArchivesAreRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("evidence/zeros.bin"));
            zip.write(new byte[32 * 1024 * 1024]);
            zip.closeEntry();
        }
        assertThatThrownBy(() -> read(out.toByteArray())).hasMessageContaining("archive bomb");
        assertThatThrownBy(() -> read("not a zip at all".getBytes())).hasMessageContaining("not a zip");
    }
}
