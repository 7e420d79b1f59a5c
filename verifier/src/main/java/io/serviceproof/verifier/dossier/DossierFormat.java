package io.serviceproof.verifier.dossier;

import java.util.HexFormat;

/** The names and limits both the writer and the verifier of a dossier use. */
public final class DossierFormat {

    /**
     * v2 adds the log entries the credential's facts rest on ({@link #ENTRIES}) and the issuance entry
     * with its proof (manifest member {@code issuanceLogIndex}); v1 dossiers are still read, and what
     * they lack is reported as not checked.
     */
    public static final String FORMAT = "serviceproof-dossier/v2";

    public static final String FORMAT_V1 = "serviceproof-dossier/v1";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String CREDENTIAL = "credential.json";
    public static final String DID_DOCUMENT = "issuer/did.json";
    public static final String STATUS_LIST = "issuer/status-list.json";
    public static final String LOG_KEY = "log/log.vkey";
    public static final String CHECKPOINT = "log/checkpoint";
    /** The issuer's witness policy, when its log has one (docs/formats.md, "Witnesses"). */
    public static final String WITNESS_POLICY = "log/witness-policy";
    /** Folder of log entries, each {@code entry-<index>.json}: the entry's exact canonical bytes. */
    public static final String ENTRIES = "log/entries/";
    /** Folder of tlog-proofs, each {@code entry-<index>.tlog-proof}. */
    public static final String PROOFS = "log/proofs/";

    /** Refused beyond these: a dossier is evidence, not an archive bomb. */
    public static final int MAX_ENTRIES = 10_000;

    public static final long MAX_TOTAL_BYTES = 1L << 30;
    public static final long MAX_ENTRY_BYTES = 256L << 20;
    /** An entry that expands more than this many times its compressed size (and past 1 MiB) is a bomb. */
    public static final int MAX_RATIO = 200;

    private DossierFormat() {}

    /** Folder of consistency proofs, each {@code <size>.proof}: base64 hashes, one a line. */
    public static final String CONSISTENCY = "log/consistency/";

    public static String consistencyPath(long fromSize) {
        return CONSISTENCY + fromSize + ".proof";
    }

    public static String entryPath(long index) {
        return ENTRIES + "entry-" + index + ".json";
    }

    public static String proofPath(long index) {
        return PROOFS + "entry-" + index + ".tlog-proof";
    }

    /** The text the manifest's signed note carries: the format and the manifest's SHA-256. */
    public static String signedText(byte[] manifestSha256) {
        return signedText(FORMAT, manifestSha256);
    }

    public static String signedText(String format, byte[] manifestSha256) {
        return format + "\n" + HexFormat.of().formatHex(manifestSha256) + "\n";
    }
}
