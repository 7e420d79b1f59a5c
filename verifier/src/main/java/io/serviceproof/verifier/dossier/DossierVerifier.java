package io.serviceproof.verifier.dossier;

import io.serviceproof.verifier.credential.CredentialVerifier;
import io.serviceproof.verifier.credential.DidDocument;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.NoteVerificationException;
import io.serviceproof.verifier.note.NoteVerifier;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.note.VerifierKey;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a dossier offline: the archive is safe to read; the manifest's signed note verifies with
 * the issuer's key; every file matches the manifest and nothing is added; the credential inside
 * verifies with the issuer's DID document, status list and log key.
 *
 * <p>Those three are trust anchors, and the verifying party chooses them: copies obtained
 * independently of the dossier. A dossier carries its own copies, but a forger would bring their own
 * too, so a check that could only be made against the dossier's copy is reported as not made
 * (never as passed), unless the caller explicitly trusts the archive ({@link Anchors#trustArchive}),
 * in which case every such check says so.
 */
public final class DossierVerifier {

    private DossierVerifier() {}

    /**
     * What the verifying party trusts, each obtained independently of the dossier.
     *
     * @param trustArchive use the dossier's own copy where an anchor is not given, saying so
     */
    public record Anchors(
            Optional<String> didDocument,
            Optional<String> statusList,
            Optional<VerifierKey> logKey,
            boolean trustArchive,
            Optional<io.serviceproof.verifier.witness.WitnessPolicy> witnessPolicy) {

        public Anchors(
                Optional<String> didDocument,
                Optional<String> statusList,
                Optional<VerifierKey> logKey,
                boolean trustArchive) {
            this(didDocument, statusList, logKey, trustArchive, Optional.empty());
        }

        /** No anchors: every check is made against the dossier's own copies, and says so. */
        public static Anchors archiveOnly() {
            return new Anchors(Optional.empty(), Optional.empty(), Optional.empty(), true);
        }
    }

    /** As {@link #verify(byte[], Anchors, Instant)} with only the DID document given. */
    public static CredentialVerifier.Report verify(byte[] zip, Optional<String> didDocument, Instant at) {
        return verify(zip, new Anchors(didDocument, Optional.empty(), Optional.empty(), false), at);
    }

    /** The files a verifier reads, not only hashes: small, and held in memory. */
    public static boolean isMetadata(String name) {
        return name.equals(DossierFormat.MANIFEST)
                || name.equals(DossierFormat.SIGNATURE)
                || name.equals(DossierFormat.CREDENTIAL)
                || name.startsWith("issuer/")
                || name.startsWith("log/");
    }

    public static CredentialVerifier.Report verify(byte[] zip, Anchors anchors, Instant at) {
        try {
            return verify(StrictZip.read(zip, DossierVerifier::isMetadata), anchors, at);
        } catch (IllegalArgumentException e) {
            return unsafe(e);
        }
    }

    /** A dossier on disk, read with bounded memory: only its small metadata files are held. */
    public static CredentialVerifier.Report verify(Path zip, Anchors anchors, Instant at) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(zip)) {
            return verify(StrictZip.read(channel, DossierVerifier::isMetadata), anchors, at);
        } catch (IllegalArgumentException e) {
            return unsafe(e);
        }
    }

    private static CredentialVerifier.Report unsafe(IllegalArgumentException e) {
        return new CredentialVerifier.Report(List.of(CredentialVerifier.Check.because(
                "archive", CredentialVerifier.Outcome.FAILED, "unsafe-archive", e.getMessage(), e.getMessage())));
    }

    private static CredentialVerifier.Report verify(Map<String, StrictZip.Entry> entries, Anchors anchors, Instant at) {
        Optional<String> didDocument = anchors.didDocument();
        List<CredentialVerifier.Check> checks = new ArrayList<>();
        Map<String, byte[]> files = new HashMap<>();
        entries.values().stream().filter(e -> e.bytes() != null).forEach(e -> files.put(e.name(), e.bytes()));
        checks.add(passed(
                "archive", "archive-read", entries.size() + " files, read safely", String.valueOf(entries.size())));

        String did = didDocument.orElseGet(() -> text(files.get(DossierFormat.DID_DOCUMENT)));
        if (did == null) {
            checks.add(failed("issuer key", "did-document-missing", "no DID document given, and none in the dossier"));
            return new CredentialVerifier.Report(checks);
        }
        checks.add(
                didDocument.isPresent()
                        ? passed("issuer key", "did-document-given", "the DID document given")
                        : anchors.trustArchive()
                                ? passed(
                                        "issuer key",
                                        "did-document-archive-trusted",
                                        "ARCHIVE'S OWN COPY, trusted as asked (--trust-archive); not compared with"
                                                + " the issuer's published DID document")
                                : CredentialVerifier.Check.because(
                                        "issuer key",
                                        CredentialVerifier.Outcome.NOT_CHECKED,
                                        "did-document-in-dossier",
                                        "only the dossier's own copy: give the issuer's published DID document"
                                                + " (--did-document)"));
        DidDocument issuer;
        try {
            issuer = DidDocument.parse(did);
        } catch (IllegalArgumentException e) {
            checks.add(failed(
                    "manifest signature",
                    "did-document-unreadable",
                    "the DID document: " + e.getMessage(),
                    e.getMessage()));
            return new CredentialVerifier.Report(checks);
        }

        byte[] manifest = files.get(DossierFormat.MANIFEST);
        byte[] signature = files.get(DossierFormat.SIGNATURE);
        if (manifest == null || signature == null) {
            checks.add(failed(
                    "manifest",
                    "dossier-file-missing",
                    "the dossier has no " + DossierFormat.MANIFEST + " and " + DossierFormat.SIGNATURE,
                    DossierFormat.MANIFEST + ", " + DossierFormat.SIGNATURE));
            return new CredentialVerifier.Report(checks);
        }
        checks.add(manifestSignature(manifest, signature, issuer));
        checks.addAll(filesMatch(manifest, entries));

        byte[] credential = files.get(DossierFormat.CREDENTIAL);
        if (credential == null) {
            checks.add(failed(
                    "credential",
                    "dossier-file-missing",
                    "the dossier has no " + DossierFormat.CREDENTIAL,
                    DossierFormat.CREDENTIAL));
            return new CredentialVerifier.Report(checks);
        }
        Optional<VerifierKey> logKey = anchors.logKey();
        boolean archiveLogKey = false;
        if (logKey.isEmpty() && anchors.trustArchive() && files.containsKey(DossierFormat.LOG_KEY)) {
            try {
                logKey = Optional.of(VerifierKey.parse(text(files.get(DossierFormat.LOG_KEY))));
                archiveLogKey = true;
            } catch (IllegalArgumentException e) {
                checks.add(failed("log key", "log-key-unreadable", e.getMessage(), e.getMessage()));
            }
        }
        Optional<String> statusList = anchors.statusList();
        boolean archiveStatusList = false;
        if (statusList.isEmpty() && anchors.trustArchive()) {
            statusList = Optional.ofNullable(text(files.get(DossierFormat.STATUS_LIST)));
            archiveStatusList = statusList.isPresent();
        }
        Map<Long, byte[]> logEntries = entries(files);
        CredentialVerifier.Report inner = CredentialVerifier.verify(
                credential, new CredentialVerifier.Inputs(Optional.of(did), statusList, logKey, at, logEntries));
        for (CredentialVerifier.Check c : inner.checks()) {
            boolean fromArchive = (archiveLogKey && c.name().startsWith("log proof"))
                    || (archiveStatusList && c.name().startsWith("revocation"));
            checks.add(
                    fromArchive
                            ? archiveTrusted(c.named("credential " + c.name()))
                            : c.named("credential " + c.name()));
        }
        CredentialVerifier.Check issuance = Issuance.check(manifest, credential, files, logKey);
        checks.add(archiveLogKey ? archiveTrusted(issuance) : issuance);
        boolean devicesFromArchive = archiveLogKey;
        DeviceKeys.check(manifest, files, logKey)
                .ifPresent(c -> checks.add(devicesFromArchive ? archiveTrusted(c) : c));
        Optional<VerifierKey> key = logKey;
        boolean keyFromArchive = archiveLogKey;
        LogConsistency.check(files, logKey).ifPresent(c -> checks.add(keyFromArchive ? archiveTrusted(c) : c));
        Witnessed.check(files, anchors.witnessPolicy(), anchors.trustArchive()).ifPresent(checks::add);
        return new CredentialVerifier.Report(checks, inner.claim());
    }

    /** The log entries a v2 dossier carries, by index. */
    private static Map<Long, byte[]> entries(Map<String, byte[]> files) {
        Map<Long, byte[]> entries = new HashMap<>();
        files.forEach((name, bytes) -> {
            if (name.startsWith(DossierFormat.ENTRIES) && name.endsWith(".json")) {
                String index = name.substring((DossierFormat.ENTRIES + "entry-").length(), name.length() - 5);
                if (index.matches("[0-9]{1,18}")) {
                    entries.put(Long.parseLong(index), bytes);
                }
            }
        });
        return entries;
    }

    private static CredentialVerifier.Check manifestSignature(byte[] manifest, byte[] signature, DidDocument issuer) {
        try {
            SignedNote note = SignedNote.parse(signature);
            String method = issuer.id() + "#key-1";
            VerifierKey key = VerifierKey.of(issuer.id(), issuer.assertionKey(method));
            NoteVerifier.verify(note, List.of(key));
            if (!note.text().equals(DossierFormat.signedText(sha256(manifest)))
                    && !note.text().equals(DossierFormat.signedText(DossierFormat.FORMAT_V1, sha256(manifest)))) {
                return failed(
                        "manifest signature",
                        "manifest-changed",
                        "the signed note is for another manifest: manifest.json was changed");
            }
            return CredentialVerifier.Check.because(
                    "manifest signature",
                    CredentialVerifier.Outcome.PASSED,
                    "manifest-signed",
                    "signed by " + issuer.id(),
                    issuer.id());
        } catch (MalformedNoteException | NoteVerificationException | IllegalArgumentException e) {
            return CredentialVerifier.Check.because(
                    "manifest signature", CredentialVerifier.Outcome.FAILED, "manifest-not-signed", e.getMessage());
        }
    }

    private static List<CredentialVerifier.Check> filesMatch(byte[] manifest, Map<String, StrictZip.Entry> files) {
        List<CredentialVerifier.Check> checks = new ArrayList<>();
        List<?> listed;
        try {
            Map<?, ?> parsed = (Map<?, ?>) Json.parse(new String(manifest, StandardCharsets.UTF_8));
            boolean known = DossierFormat.FORMAT.equals(parsed.get("format"))
                    || DossierFormat.FORMAT_V1.equals(parsed.get("format"));
            if (!known || !(parsed.get("files") instanceof List<?> l)) {
                checks.add(failed(
                        "files",
                        "manifest-not-ours",
                        "manifest.json is not a " + DossierFormat.FORMAT + " manifest",
                        DossierFormat.FORMAT));
                return checks;
            }
            listed = l;
        } catch (JsonException | ClassCastException e) {
            checks.add(failed(
                    "files",
                    "manifest-not-json",
                    "manifest.json is not JSON: " + e.getMessage(),
                    String.valueOf(e.getMessage())));
            return checks;
        }
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Object item : listed) {
            if (!(item instanceof Map<?, ?> f)
                    || !(f.get("path") instanceof String path)
                    || !(f.get("sha256") instanceof String sha)) {
                problems.add("a manifest entry lacks path or sha256");
                continue;
            }
            if (!seen.add(path)) {
                problems.add(path + " is listed twice");
                continue;
            }
            StrictZip.Entry file = files.get(path);
            if (file == null) {
                problems.add(path + " is missing");
            } else if (!HexFormat.of().formatHex(file.sha256()).equals(sha)) {
                problems.add(path + " was changed (its SHA-256 is not the manifest's)");
            }
        }
        for (String name : files.keySet()) {
            if (!seen.contains(name) && !name.equals(DossierFormat.MANIFEST) && !name.equals(DossierFormat.SIGNATURE)) {
                problems.add(name + " is not in the manifest");
            }
        }
        checks.add(
                problems.isEmpty()
                        ? CredentialVerifier.Check.because(
                                "files",
                                CredentialVerifier.Outcome.PASSED,
                                "files-match",
                                seen.size() + " files match the manifest",
                                Integer.toString(seen.size()))
                        : CredentialVerifier.Check.because(
                                "files",
                                CredentialVerifier.Outcome.FAILED,
                                "files-differ",
                                String.join("; ", problems),
                                String.join("; ", problems)));
        return checks;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A check made only against the dossier's own copy of its anchor, as the caller asked. */
    static CredentialVerifier.Check archiveTrusted(CredentialVerifier.Check check) {
        return check.outcome() == CredentialVerifier.Outcome.PASSED
                ? CredentialVerifier.Check.because(
                        check.name(),
                        check.outcome(),
                        check.reason(),
                        check.detail() + " [against the ARCHIVE'S OWN COPY: --trust-archive]",
                        check.args().toArray(String[]::new))
                : check;
    }

    private static CredentialVerifier.Check passed(String name, String reason, String detail, String... args) {
        return CredentialVerifier.Check.because(name, CredentialVerifier.Outcome.PASSED, reason, detail, args);
    }

    private static CredentialVerifier.Check failed(String name, String reason, String detail, String... args) {
        return CredentialVerifier.Check.because(name, CredentialVerifier.Outcome.FAILED, reason, detail, args);
    }
}
