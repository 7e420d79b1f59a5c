package io.serviceproof.common.blobs;

/**
 * A module that keeps blobs says here whether it still refers to one. Blobs are stored once per
 * SHA-256 for everyone, so the same bytes may be an evidence file of one organisation and a finished
 * dossier of another; {@link BlobStore#forget} deletes a blob only when no module refers to it.
 */
public interface BlobReferences {

    boolean refersTo(String sha256);
}
