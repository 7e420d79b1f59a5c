package io.serviceproof.gateway;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.stack.client.security.ClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;

/**
 * Trusts exactly the OPC UA server certificates gateway.yaml names by fingerprint. Plants run
 * machines with self-signed certificates and no CA, so trust is a decision the operator makes once
 * per machine (as OPC UA's own "trusted" folder is), written where it can be reviewed. A certificate
 * that is not listed is refused and reported, so the operator can compare it with the one the
 * machine shows and add it.
 */
final class PinnedServerCertificates implements ClientCertificateValidator {

    private final Set<String> trusted;
    private final Consumer<String> onRefused;

    PinnedServerCertificates(List<String> fingerprints, Consumer<String> onRefused) {
        this.trusted = Set.copyOf(fingerprints);
        this.onRefused = onRefused;
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain) throws UaException {
        if (chain == null || chain.isEmpty()) {
            throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "the OPC UA server sent no certificate");
        }
        X509Certificate leaf = chain.get(0);
        String fingerprint = OpcUaCertificate.fingerprint(leaf);
        if (!trusted.contains(fingerprint)) {
            onRefused.accept(fingerprint);
            throw new UaException(
                    StatusCodes.Bad_SecurityChecksFailed,
                    "the OPC UA server's certificate " + fingerprint + " (" + leaf.getSubjectX500Principal()
                            + ") is not in trustedServerCertificates");
        }
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new UaException(
                    StatusCodes.Bad_CertificateTimeInvalid,
                    "the OPC UA server's certificate " + fingerprint + " is outside its validity: " + e.getMessage());
        }
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String... hostNames)
            throws UaException {
        validateCertificateChain(chain);
    }
}
