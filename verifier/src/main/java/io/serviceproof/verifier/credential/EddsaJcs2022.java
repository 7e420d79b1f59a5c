package io.serviceproof.verifier.credential;

import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import io.serviceproof.verifier.note.Ed25519;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code eddsa-jcs-2022} cryptosuite: the proof configuration (the proof without its value,
 * with the document's {@code @context}) and the document without its proof are each canonicalised
 * with RFC 8785 and hashed with SHA-256; Ed25519 signs {@code hash(proof config) ‖ hash(document)};
 * the signature is the proof value as multibase base58btc.
 */
public final class EddsaJcs2022 {

    public static final String TYPE = "DataIntegrityProof";
    public static final String CRYPTOSUITE = "eddsa-jcs-2022";

    /** What the signer says about the proof: when, with which key, for what purpose. */
    public record ProofOptions(String created, String verificationMethod, String proofPurpose) {}

    /** The outcome: valid, or every reason it is not. */
    public record Verification(boolean valid, List<String> problems) {
        static Verification of(List<String> problems) {
            return new Verification(problems.isEmpty(), List.copyOf(problems));
        }
    }

    private EddsaJcs2022() {}

    /** Adds an {@code eddsa-jcs-2022} proof to a JSON document; returns the secured document as canonical JSON. */
    public static String sign(String unsecuredJson, ProofOptions options, byte[] seed) throws JsonException {
        Map<String, Object> document = object(Json.parse(unsecuredJson), "the document");
        if (document.containsKey("proof")) {
            throw new IllegalArgumentException("the document already has a proof");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", TYPE);
        config.put("cryptosuite", CRYPTOSUITE);
        config.put("created", options.created());
        config.put("verificationMethod", options.verificationMethod());
        config.put("proofPurpose", options.proofPurpose());
        if (document.containsKey("@context")) {
            config.put("@context", document.get("@context"));
        }
        byte[] signature = Ed25519.sign(Ed25519.fromSeed(seed).getPrivate(), hashData(document, config));
        Map<String, Object> proof = new LinkedHashMap<>(config);
        proof.put("proofValue", "z" + Base58.encode(signature));
        Map<String, Object> secured = new LinkedHashMap<>(document);
        secured.put("proof", proof);
        return Json.canonical(secured);
    }

    /** SHA-256(JCS(proof config)) ‖ SHA-256(JCS(document without proof)): the 64 bytes signed. */
    public static byte[] hashData(Map<String, Object> document, Map<String, Object> proofConfig) throws JsonException {
        byte[] proofHash = sha256(Json.canonical(proofConfig));
        byte[] documentHash = sha256(Json.canonical(document));
        byte[] both = new byte[64];
        System.arraycopy(proofHash, 0, both, 0, 32);
        System.arraycopy(documentHash, 0, both, 32, 32);
        return both;
    }

    /**
     * Verifies a secured document's proof. {@code publicKeyOf} turns the proof's verificationMethod
     * into the raw Ed25519 public key it names (or throws when it cannot).
     */
    public static Verification verify(String securedJson, Function<String, byte[]> publicKeyOf) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> document;
        try {
            document = object(Json.parse(securedJson), "the credential");
        } catch (JsonException | IllegalArgumentException e) {
            return Verification.of(List.of("not a JSON object: " + e.getMessage()));
        }
        Object rawProof = document.remove("proof");
        if (!(rawProof instanceof Map<?, ?>)) {
            return Verification.of(
                    List.of(rawProof == null ? "there is no proof" : "the proof is not a single JSON object"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> config = new LinkedHashMap<>((Map<String, Object>) rawProof);
        Object proofValue = config.remove("proofValue");
        if (!TYPE.equals(config.get("type"))) {
            problems.add("proof.type is " + config.get("type") + ", not " + TYPE);
        }
        if (!CRYPTOSUITE.equals(config.get("cryptosuite"))) {
            problems.add("proof.cryptosuite is " + config.get("cryptosuite") + ", not " + CRYPTOSUITE);
        }
        if (config.containsKey("@context") && !contextPrefix(document.get("@context"), config.get("@context"))) {
            problems.add("the proof's @context is not the start of the credential's @context");
        }
        byte[] signature = null;
        if (!(proofValue instanceof String value) || !value.startsWith("z")) {
            problems.add("proof.proofValue is missing or not multibase base58btc");
        } else {
            try {
                signature = Base58.decode(value.substring(1));
                if (signature.length != Ed25519.SIGNATURE_SIZE) {
                    problems.add("proof.proofValue is " + signature.length + " bytes, not a 64-byte Ed25519 signature");
                    signature = null;
                }
            } catch (IllegalArgumentException e) {
                problems.add("proof.proofValue: " + e.getMessage());
            }
        }
        byte[] publicKey = null;
        if (!(config.get("verificationMethod") instanceof String method)) {
            problems.add("proof.verificationMethod is missing");
        } else {
            try {
                publicKey = publicKeyOf.apply(method);
            } catch (RuntimeException e) {
                problems.add("cannot resolve the key " + method + ": " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            try {
                if (!Ed25519.verify(Ed25519.publicKey(publicKey), hashData(document, config), signature)) {
                    problems.add(
                            "the signature does not verify: the credential or its proof was changed, or another key signed it");
                }
            } catch (JsonException | IllegalArgumentException e) {
                problems.add("cannot check the signature: " + e.getMessage());
            }
        }
        return Verification.of(problems);
    }

    private static boolean contextPrefix(Object documentContext, Object proofContext) {
        List<Object> doc = documentContext instanceof List<?> list
                ? new ArrayList<>(list)
                : new ArrayList<>(List.of(String.valueOf(documentContext)));
        List<Object> proof = proofContext instanceof List<?> list
                ? new ArrayList<>(list)
                : new ArrayList<>(List.of(String.valueOf(proofContext)));
        return proof.size() <= doc.size() && doc.subList(0, proof.size()).equals(proof);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object parsed, String what) {
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return new LinkedHashMap<>((Map<String, Object>) map);
    }

    private static byte[] sha256(String canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
