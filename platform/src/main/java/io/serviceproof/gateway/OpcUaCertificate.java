package io.serviceproof.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The gateway's OPC UA application instance certificate: an RSA key and a self-signed certificate
 * (what Basic256Sha256 requires; the event-signing key stays Ed25519), made once in the gateway's
 * folder. The machine's OPC UA server must trust it: {@code serviceproof gateway init} prints its
 * fingerprint and writes {@code opcua-client.der} to copy into the server's trust list.
 */
record OpcUaCertificate(KeyPair keyPair, X509Certificate certificate, String applicationUri) {

    static final String FILE = "opcua-client.p12";
    static final String DER_FILE = "opcua-client.der";
    /** The folder's permissions protect the key, as they do gateway.key; PKCS #12 wants a password. */
    private static final char[] STORE_PASSWORD = "serviceproof-gateway".toCharArray();

    private static final String ALIAS = "opcua-client";

    /** Loads the certificate from the gateway's folder, making it first if there is none. */
    static OpcUaCertificate loadOrCreate(Path dir, String keyId, Clock clock) throws IOException {
        Path file = dir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, STORE_PASSWORD);
                }
                X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
                PrivateKey key = (PrivateKey) store.getKey(ALIAS, STORE_PASSWORD);
                return new OpcUaCertificate(
                        new KeyPair(certificate.getPublicKey(), key), certificate, applicationUri(keyId));
            }
            KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            String uri = applicationUri(keyId);
            X509Certificate certificate = selfSigned(
                    keyPair, clock.instant(), "ServiceProof gateway " + keyId, uri, List.of("localhost"), List.of());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, STORE_PASSWORD);
            store.setKeyEntry(ALIAS, keyPair.getPrivate(), STORE_PASSWORD, new Certificate[] {certificate});
            Path partial = dir.resolve(FILE + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                store.store(out, STORE_PASSWORD);
            }
            restrict(partial);
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.write(dir.resolve(DER_FILE), certificate.getEncoded());
            return new OpcUaCertificate(keyPair, certificate, uri);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the gateway's OPC UA certificate in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A self-signed RSA application certificate, valid for five years. Milo's builder fills the name
     * fields it is not given with empty text, which Bouncy Castle 1.87 refuses for the country, so the
     * generator is called with only the fields that mean something.
     */
    static X509Certificate selfSigned(
            KeyPair keyPair,
            Instant now,
            String commonName,
            String applicationUri,
            List<String> dnsNames,
            List<String> ipAddresses)
            throws Exception {
        return new SelfSignedCertificateGenerator()
                .generateSelfSigned(
                        keyPair,
                        Date.from(now.minus(Duration.ofMinutes(5))),
                        Date.from(now.plus(Duration.ofDays(5 * 365))),
                        commonName,
                        "ServiceProof",
                        null,
                        null,
                        null,
                        null,
                        applicationUri,
                        dnsNames,
                        ipAddresses,
                        SelfSignedCertificateBuilder.SA_SHA256_RSA);
    }

    /** The SHA-256 of the certificate's DER bytes, in lower-case hex: what trust lists show. */
    String fingerprint() {
        return fingerprint(certificate);
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String applicationUri(String keyId) {
        return "urn:serviceproof:gateway:" + keyId.substring(keyId.indexOf(':') + 1);
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the folder's own protection applies
        }
    }
}
