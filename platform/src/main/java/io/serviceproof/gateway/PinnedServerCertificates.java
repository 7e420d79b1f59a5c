package io.serviceproof.gateway;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.stack.client.security.ClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;

/**
 * Trusts exactly the OPC UA server certificates gateway.yaml names by fingerprint, and those a person
 * trusted on the server's device page. Plants run
 * machines with self-signed certificates and no CA, so trust is a decision the operator makes once
 * per machine (as OPC UA's own "trusted" folder is), written where it can be reviewed. A certificate
 * that is not listed is refused and reported, so the operator can compare it with the one the
 * machine shows and add it.
 */
final class PinnedServerCertificates implements ClientCertificateValidator {

    private final Set<String> trusted;
    private final Predicate<String> trustedOnServer;
    private final Consumer<X509Certificate> onRefused;
    /** The certificate of the session now open, to leave it when its trust is taken back. */
    volatile String accepted;

    /**
     * @param trustedOnServer fingerprints a person trusted on the server's device page ({@link ServerTrust})
     */
    PinnedServerCertificates(
            List<String> fingerprints, Predicate<String> trustedOnServer, Consumer<X509Certificate> onRefused) {
        this.trusted = Set.copyOf(fingerprints);
        this.trustedOnServer = trustedOnServer;
        this.onRefused = onRefused;
    }

    /** Pinned in gateway.yaml (for good) or trusted on the server (until taken back there). */
    boolean trusts(String fingerprint) {
        return trusted.contains(fingerprint) || trustedOnServer.test(fingerprint);
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain) throws UaException {
        if (chain == null || chain.isEmpty()) {
            throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "the OPC UA server sent no certificate");
        }
        X509Certificate leaf = chain.get(0);
        String fingerprint = OpcUaCertificate.fingerprint(leaf);
        if (!trusts(fingerprint)) {
            onRefused.accept(leaf);
            throw new UaException(
                    StatusCodes.Bad_SecurityChecksFailed,
                    "the OPC UA server's certificate " + fingerprint + " (" + leaf.getSubjectX500Principal()
                            + ") is not in trustedServerCertificates nor trusted on the device page");
        }
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new UaException(
                    StatusCodes.Bad_CertificateTimeInvalid,
                    "the OPC UA server's certificate " + fingerprint + " is outside its validity: " + e.getMessage());
        }
        accepted = fingerprint;
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String... hostNames)
            throws UaException {
        validateCertificateChain(chain);
    }
}
