package io.serviceproof.dossier;

import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.AssessmentExports;
import io.serviceproof.assessment.AssessmentPdf;
import io.serviceproof.assessment.AssessmentView;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.common.ServiceUnavailableException;
import io.serviceproof.common.Sha256;
import io.serviceproof.evidence.EvidenceSummary;
import io.serviceproof.evidence.Vault;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.ledger.LogReader;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.sla.SlaPeriod;
import io.serviceproof.sla.SlaReport;
import io.serviceproof.sla.SlaReports;
import io.serviceproof.verifier.dossier.DossierFormat;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import io.serviceproof.verifier.note.NoteSigner;
import io.serviceproof.verifier.note.SignerKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a credential's conformity dossier: one zip with the credential, what verifying it needs
 * (the issuer's DID document and revocation list, the log's key and checkpoint, the log proofs), the
 * OSCAL assessment results, the offering layers' SLA reports of the last closed month, the approved
 * evidence files the assessment rests on, and the report (HTML, PDF in English and Chinese). Its
 * manifest lists every file with its SHA-256 and is signed by the issuer as a C2SP signed note.
 */
@Service
public class Dossiers {

    private final Credentials credentials;
    private final IssuerKeys keys;
    private final IssuerIdentity identity;
    private final Assessments assessments;
    private final AssessmentExports exports;
    private final AssessmentPdf pdf;
    private final Offerings offerings;
    private final SlaReports sla;
    private final Vault vault;
    private final AttestedEvidence attested;
    private final LogReader logReader;
    private final io.serviceproof.ledger.Witnessing witnessing;
    private final OrganisationDirectory organisations;
    private final DossierDeviceKeys deviceKeys;
    private final JsonMapper json;
    private final Clock clock;

    Dossiers(
            Credentials credentials,
            IssuerKeys keys,
            IssuerIdentity identity,
            Assessments assessments,
            AssessmentExports exports,
            AssessmentPdf pdf,
            Offerings offerings,
            SlaReports sla,
            Vault vault,
            AttestedEvidence attested,
            LogReader logReader,
            io.serviceproof.ledger.Witnessing witnessing,
            OrganisationDirectory organisations,
            DossierDeviceKeys deviceKeys,
            JsonMapper json,
            Clock clock) {
        this.credentials = credentials;
        this.keys = keys;
        this.identity = identity;
        this.assessments = assessments;
        this.exports = exports;
        this.pdf = pdf;
        this.offerings = offerings;
        this.sla = sla;
        this.vault = vault;
        this.attested = attested;
        this.logReader = logReader;
        this.witnessing = witnessing;
        this.organisations = organisations;
        this.deviceKeys = deviceKeys;
        this.json = json;
        this.clock = clock;
    }

    /** Told each step of a build: {@code step} of {@code steps} is starting, doing {@code what}. */
    @FunctionalInterface
    public interface Progress {
        void at(int step, int steps, String what);
    }

    static final int STEPS = 7;

    /** The dossier of one credential, as zip bytes. */
    public byte[] build(String credentialId) {
        return build(credentialId, (step, steps, what) -> {});
    }

    void checkExists(String credentialId) {
        credentials.credential(credentialId);
    }

    /** The dossier of one credential, reporting each step. */
    public byte[] build(String credentialId, Progress progress) {
        progress.at(0, STEPS, "credential and issuer");
        Credential credential = credentials.credential(credentialId);
        Organisation issuer = organisations.current();
        Assessment assessment = assessments.assessment(credential.assessmentId());
        AssessmentView view = assessments.view(assessment.id());
        String offeringName = offerings.offering(assessment.offeringId()).name();

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(DossierFormat.CREDENTIAL, bytes(credential.document()));
        files.put(DossierFormat.DID_DOCUMENT, bytes(canonical(credentials.didDocument(issuer.slug()))));
        files.put(DossierFormat.STATUS_LIST, bytes(credentials.statusListCredential(issuer.slug())));
        files.put(DossierFormat.LOG_KEY, bytes(logReader.verifierKey(issuer.id()) + "\n"));
        // The facts the credential rests on, as the log holds them: each entry's exact bytes beside its
        // proof, so a verifier recomputes the leaf instead of trusting the proof's hashes (format v2).
        proofs(credential.document()).forEach((index, proof) -> {
            files.put(DossierFormat.proofPath(index), bytes(proof));
            files.put(DossierFormat.entryPath(index), logReader.entry(issuer.id(), index));
        });
        files.put(
                DossierFormat.proofPath(credential.ledgerIndex()),
                logReader.tlogProofCovering(issuer.id(), credential.ledgerIndex()));
        files.put(
                DossierFormat.entryPath(credential.ledgerIndex()),
                logReader.entry(issuer.id(), credential.ledgerIndex()));
        List<Map<String, Object>> devices = deviceKeys.add(issuer.id(), assessment.offeringId(), files);
        String checkpoint = logReader.checkpoint(issuer.id());
        files.put(DossierFormat.CHECKPOINT, bytes(checkpoint));
        // The policy the checkpoint's cosignatures answer to; a verifier checks against its own copy.
        witnessing.policy(issuer.id()).ifPresent(policy -> files.put(DossierFormat.WITNESS_POLICY, bytes(policy)));
        consistency(issuer, files, checkpoint);
        progress.at(2, STEPS, "OSCAL assessment results");
        files.put(
                "assessment/oscal-assessment-results.json",
                bytes(exports.oscal(view, assessment.signedAt().toString())));
        progress.at(3, STEPS, "SLA reports");
        YearMonth lastMonth = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                .minusMonths(1);
        for (ServiceLayer layer : offerings.layers(assessment.offeringId())) {
            SlaReport report = sla.report(layer.id(), SlaPeriod.month(lastMonth));
            files.put("sla/" + layer.code() + "-" + lastMonth + ".json", json.writeValueAsBytes(report));
        }
        progress.at(4, STEPS, "evidence files");
        evidence(view, assessment.offeringId(), files);
        progress.at(5, STEPS, "reports");
        String generated = clock.instant().toString();
        String verifyUrl = identity.verifyUrl(issuer, credential.id());
        // Both reports open with a summary page in the market's language (Vietnamese, Thai, Malay, Indonesian).
        String language = DossierReport.MARKET_LANGUAGE.get(assessment.market());
        AssessmentPdf.Summary summary =
                language == null ? null : new AssessmentPdf.Summary(language, DossierReport.SUMMARY.get(language));
        files.put(
                "report/report-en.pdf",
                pdf.report(view, offeringName, List.of(), List.of(), generated, false, verifyUrl, summary));
        try {
            files.put(
                    "report/report-zh.pdf",
                    pdf.report(view, offeringName, List.of(), List.of(), generated, true, verifyUrl, summary));
        } catch (ServiceUnavailableException noCjkFont) {
            // Without a CJK font on the server the dossier carries the English report only.
        }
        files.put(
                "report/index.html",
                bytes(DossierReport.html(
                        issuer,
                        credential,
                        assessment,
                        view,
                        offeringName,
                        new String(files.get(DossierFormat.STATUS_LIST), StandardCharsets.UTF_8))));

        progress.at(6, STEPS, "signed manifest");
        byte[] manifest = bytes(canonical(manifest(issuer, credential, devices, files)));
        byte[] signature = keys.withSeed(issuer.id(), seed -> {
            try {
                SignerKey signer = SignerKey.fromSeed(identity.did(issuer), seed);
                return bytes(NoteSigner.sign(DossierFormat.signedText(Sha256.digest(manifest)), signer)
                        .format());
            } catch (io.serviceproof.verifier.note.MalformedNoteException e) {
                throw new IllegalStateException("a dossier signature we built is not a valid note", e);
            }
        });
        return zip(manifest, signature, files);
    }

    private Map<String, Object> manifest(
            Organisation issuer, Credential credential, List<Map<String, Object>> devices, Map<String, byte[]> files) {
        List<Map<String, Object>> listed = new ArrayList<>();
        files.forEach((path, content) -> listed.add(Map.of(
                "path", path, "sha256", HexFormat.of().formatHex(Sha256.digest(content)), "size", content.length)));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", DossierFormat.FORMAT);
        manifest.put("issuer", identity.did(issuer));
        manifest.put("credential", "urn:uuid:" + credential.id());
        manifest.put("credentialSha256", credential.sha256());
        manifest.put("issuanceLogIndex", credential.ledgerIndex());
        if (!devices.isEmpty()) {
            manifest.put("deviceKeys", devices);
        }
        manifest.put("createdAt", clock.instant().toString());
        manifest.put("files", listed);
        return manifest;
    }

    /**
     * Ties every proof's checkpoint to the dossier's one checkpoint: for each smaller tree size a
     * proof is against, the consistency proof to the dossier checkpoint's size, so a verifier sees that
     * all the facts come from one history of the log, not from forks of it.
     */
    private void consistency(Organisation issuer, Map<String, byte[]> files, String checkpoint) {
        long size = checkpointOf(checkpoint).size();
        java.util.Set<Long> sizes = new java.util.TreeSet<>();
        for (var file : files.entrySet()) {
            if (file.getKey().startsWith(DossierFormat.PROOFS)) {
                try {
                    var proof = io.serviceproof.verifier.checkpoint.TlogProof.parse(file.getValue());
                    sizes.add(io.serviceproof.verifier.checkpoint.Checkpoint.parse(
                                    proof.checkpointNote().text())
                            .size());
                } catch (io.serviceproof.verifier.note.MalformedNoteException e) {
                    throw new IllegalStateException("a proof we built is not a valid tlog-proof", e);
                }
            }
        }
        for (long from : sizes) {
            if (from < size) {
                StringBuilder lines = new StringBuilder();
                for (byte[] hash :
                        logReader.consistency(issuer.id(), from, size).hashes()) {
                    lines.append(java.util.Base64.getEncoder().encodeToString(hash))
                            .append('\n');
                }
                files.put(DossierFormat.consistencyPath(from), bytes(lines.toString()));
            }
        }
    }

    private static io.serviceproof.verifier.checkpoint.Checkpoint checkpointOf(String note) {
        try {
            return io.serviceproof.verifier.checkpoint.Checkpoint.parse(
                    io.serviceproof.verifier.note.SignedNote.parse(note).text());
        } catch (io.serviceproof.verifier.note.MalformedNoteException e) {
            throw new IllegalStateException("a stored checkpoint is not a valid note", e);
        }
    }

    /** The tlog-proofs the credential's evidence carries, by log index. */
    private static Map<Long, String> proofs(String credential) {
        Map<Long, String> proofs = new LinkedHashMap<>();
        try {
            Object evidence = ((Map<?, ?>) Json.parse(credential)).get("evidence");
            if (evidence instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> e && e.get("sp:tlogProof") instanceof String proof) {
                        proofs.put(((Number) e.get("sp:logIndex")).longValue(), proof);
                    }
                }
            }
        } catch (JsonException e) {
            throw new IllegalStateException("a stored credential is not JSON", e);
        }
        return proofs;
    }

    /** The files of the evidence the attestation rests on. */
    private void evidence(AssessmentView view, String offeringId, Map<String, byte[]> files) {
        for (EvidenceSummary summary : attested.of(view, offeringId)) {
            var content = vault.content(summary.item().id(), summary.latest().version());
            try (InputStream in = content.open().get()) {
                files.put(
                        "evidence/" + summary.item().id() + "/v"
                                + summary.latest().version() + "-"
                                + safeName(summary.latest().filename()),
                        in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** File names come from uploads: keep letters, digits, dot, dash and underscore only. */
    static String safeName(String filename) {
        String name = filename == null ? "file" : filename.replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.replaceAll("^\\.+", "_");
        return name.isEmpty() ? "file" : name;
    }

    private static byte[] zip(byte[] manifest, byte[] signature, Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, DossierFormat.MANIFEST, manifest);
            put(zip, DossierFormat.SIGNATURE, signature);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(zip, file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        // A fixed time: the same contents make the same archive.
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static String canonical(Object value) {
        try {
            return Json.canonical(value);
        } catch (JsonException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
