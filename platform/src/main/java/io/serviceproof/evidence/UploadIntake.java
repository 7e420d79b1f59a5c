package io.serviceproof.evidence;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.UnprocessableDocumentException;
import io.serviceproof.common.blobs.BlobStore;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.unit.DataSize;

/**
 * Receives an upload into staging and checks it, in this order, before anything is kept: the file
 * name, the size limit (while streaming), emptiness, the declared digest, archive bombs. A staged
 * file that fails a check is deleted.
 */
@Component
class UploadIntake {

    private final BlobStore blobs;
    private final long maxBytes;

    UploadIntake(BlobStore blobs, @Value("${serviceproof.evidence.max-size:100MB}") DataSize maxSize) {
        this.blobs = blobs;
        this.maxBytes = maxSize.toBytes();
    }

    long maxBytes() {
        return maxBytes;
    }

    BlobStore.Staged receive(Upload upload, String declaredSha256) {
        String declared = declaredSha256 == null || declaredSha256.isBlank()
                ? null
                : declaredSha256.strip().toLowerCase();
        if (declared != null && !BlobStore.SHA256.matcher(declared).matches()) {
            throw new InvalidInputException("sha256", "must be 64 hexadecimal digits");
        }
        BlobStore.Staged staged = blobs.stage(upload.content(), maxBytes);
        try {
            if (staged.size() == 0) {
                throw new InvalidInputException("file", "the file is empty");
            }
            if (declared != null && !declared.equals(staged.sha256())) {
                throw new UnprocessableDocumentException(
                        "digest mismatch",
                        List.of(new UnprocessableDocumentException.Problem(
                                "sha256",
                                "the file received has SHA-256 " + staged.sha256() + ", not the declared " + declared
                                        + "; it was altered or truncated on the way")));
            }
            ArchiveGuard.check(staged.file(), staged.size());
            return staged;
        } catch (RuntimeException e) {
            staged.close();
            throw e;
        }
    }

    /**
     * The name shown on download. Files are stored by digest, so a name cannot reach the file
     * system; a name with folders or ".." is still refused, because it says the client is not
     * sending what it thinks it is.
     */
    static String filename(String filename) {
        if (filename == null || filename.isBlank()) {
            throw new InvalidInputException("file", "the file needs a name");
        }
        String name = filename.strip();
        if (name.length() > 255
                || name.contains("/")
                || name.contains("\\")
                || name.equals(".")
                || name.equals("..")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidInputException(
                    "file",
                    "'" + name.replaceAll("\\p{Cntrl}", "?")
                            + "' is not a plain file name (no folders, '..' or control characters)");
        }
        return name;
    }

    static String mediaType(String declared) {
        if (declared == null || declared.isBlank()) {
            return "application/octet-stream";
        }
        try {
            MimeType type = MimeTypeUtils.parseMimeType(declared);
            return type.isConcrete() ? type.toString() : "application/octet-stream";
        } catch (RuntimeException e) {
            return "application/octet-stream";
        }
    }
}
