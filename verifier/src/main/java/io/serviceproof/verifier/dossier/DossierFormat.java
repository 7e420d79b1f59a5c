package io.serviceproof.verifier.dossier;

import java.util.HexFormat;

/** The names and limits both the writer and the verifier of a dossier use. */
public final class DossierFormat {

    public static final String FORMAT = "serviceproof-dossier/v1";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String CREDENTIAL = "credential.json";
    public static final String DID_DOCUMENT = "issuer/did.json";
    public static final String STATUS_LIST = "issuer/status-list.json";
    public static final String LOG_KEY = "log/log.vkey";
    public static final String CHECKPOINT = "log/checkpoint";

    /** Refused beyond these: a dossier is evidence, not an archive bomb. */
    public static final int MAX_ENTRIES = 10_000;

    public static final long MAX_TOTAL_BYTES = 1L << 30;
    public static final long MAX_ENTRY_BYTES = 256L << 20;
    /** An entry that expands more than this many times its compressed size (and past 1 MiB) is a bomb. */
    public static final int MAX_RATIO = 200;

    private DossierFormat() {}

    /** The text the manifest's signed note carries: the format and the manifest's SHA-256. */
    public static String signedText(byte[] manifestSha256) {
        return FORMAT + "\n" + HexFormat.of().formatHex(manifestSha256) + "\n";
    }
}
