package io.serviceproof.ingest;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.Phrase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * TLS for an MQTT connection beyond the JVM's defaults: the CA that signed the broker's certificate
 * when it is a plant's own (then only that CA is trusted), and a client certificate with its private
 * key when the broker authenticates clients by certificate. All PEM, as brokers and plant PKIs hand
 * them out; the key may be PKCS #8, PKCS #1 (RSA) or SEC 1 (EC), unencrypted. Used by the server's
 * subscriptions and by the edge gateway.
 *
 * @param ca the broker's CA certificate(s), or null to trust the JVM's CAs
 * @param chain the client certificate and any intermediates, or empty
 * @param key the client certificate's private key, or null
 */
public record MqttTls(List<X509Certificate> ca, List<X509Certificate> chain, PrivateKey key) {

    /** What the connection's page shows: whose certificates, and until when the client's is valid. */
    public record Summary(String caSubject, String clientSubject, Instant clientNotAfter) {}

    /**
     * Reads the PEM texts, refusing what cannot be used: a certificate that is not one, a key that is
     * not one or does not match the certificate, or one of the pair without the other.
     */
    public static MqttTls parse(String caPem, String certificatePem, String keyPem) {
        List<X509Certificate> ca = blank(caPem) ? List.of() : certificates(caPem, "caCertificate");
        List<X509Certificate> chain =
                blank(certificatePem) ? List.of() : certificates(certificatePem, "clientCertificate");
        PrivateKey key = blank(keyPem) ? null : key(keyPem);
        if (chain.isEmpty() != (key == null)) {
            throw new InvalidInputException(
                    chain.isEmpty() ? "clientCertificate" : "clientKey", Phrase.of("error.mqtt.tls.pair"));
        }
        if (key != null && !matches(chain.get(0), key)) {
            throw new InvalidInputException("clientKey", Phrase.of("error.mqtt.tls.mismatch"));
        }
        return new MqttTls(ca, chain, key);
    }

    public boolean isEmpty() {
        return ca.isEmpty() && chain.isEmpty();
    }

    public Summary summary() {
        return new Summary(
                ca.isEmpty() ? null : ca.get(0).getSubjectX500Principal().getName(),
                chain.isEmpty() ? null : chain.get(0).getSubjectX500Principal().getName(),
                chain.isEmpty() ? null : chain.get(0).getNotAfter().toInstant());
    }

    /** HiveMQ's TLS settings: the private CA as the only trust anchor, the client certificate as identity. */
    public MqttClientSslConfig sslConfig() {
        try {
            var builder = MqttClientSslConfig.builder();
            if (!ca.isEmpty()) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                for (int i = 0; i < ca.size(); i++) {
                    trust.setCertificateEntry("ca-" + i, ca.get(i));
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                builder = builder.trustManagerFactory(tmf);
            }
            if (key != null) {
                char[] password = new char[0];
                KeyStore identity = KeyStore.getInstance("PKCS12");
                identity.load(null, null);
                identity.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(identity, password);
                builder = builder.keyManagerFactory(kmf);
            }
            return builder.build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("TLS settings from certificates that parsed: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(String pem, String field) {
        try {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))
                    .stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (certificates.isEmpty()) {
                throw new InvalidInputException(field, Phrase.of("error.mqtt.tls.certificate"));
            }
            return certificates;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidInputException(field, Phrase.of("error.mqtt.tls.certificate"));
        }
    }

    static PrivateKey key(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem.strip()))) {
            Object read = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (read instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            // below: one answer for anything that is not an unencrypted private key
        }
        throw new InvalidInputException("clientKey", Phrase.of("error.mqtt.tls.key"));
    }

    /** Signs a probe with the key and checks it with the certificate's public key. */
    private static boolean matches(X509Certificate certificate, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] probe = "serviceproof".getBytes(StandardCharsets.US_ASCII);
            java.security.Signature signer = java.security.Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
