package io.serviceproof.gateway;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.api.identity.AnonymousProvider;
import org.eclipse.milo.opcua.stack.client.security.ClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

/** How the gateway opens a session to a machine, and reads the node ids gateway.yaml names. */
final class OpcUaSessions {

    private OpcUaSessions() {}

    /**
     * A client (not yet connected) for the endpoint's configured security policy, at the address
     * gateway.yaml gives, authenticated by the gateway's OPC UA certificate, trusting the server only
     * as {@code validator} decides.
     */
    static OpcUaClient client(
            GatewayConfig.OpcUaSource source, OpcUaCertificate certificate, ClientCertificateValidator validator)
            throws UaException {
        boolean secure = source.securityPolicy().equals("Basic256Sha256");
        SecurityPolicy policy = secure ? SecurityPolicy.Basic256Sha256 : SecurityPolicy.None;
        MessageSecurityMode mode = secure ? MessageSecurityMode.SignAndEncrypt : MessageSecurityMode.None;
        URI address = URI.create(source.endpoint());
        return OpcUaClient.create(
                source.endpoint(),
                endpoints -> endpoints.stream()
                        .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                        .findFirst()
                        // The server may advertise a host name the plant network does not resolve.
                        .map(e -> EndpointUtil.updateUrl(e, address.getHost(), address.getPort())),
                builder -> builder.setApplicationName(LocalizedText.english("ServiceProof gateway"))
                        .setApplicationUri(certificate.applicationUri())
                        .setKeyPair(certificate.keyPair())
                        .setCertificate(certificate.certificate())
                        .setCertificateValidator(validator)
                        .setIdentityProvider(AnonymousProvider.INSTANCE)
                        .setRequestTimeout(uint(10_000))
                        .build());
    }

    /**
     * Each key's node id, parsed before any connection so that a wrong one stops the gateway at start.
     *
     * @param what the key's role and an example, for the error: {@code "opcua node '%s': not a node id
     *     such as ns=2;s=Cell1/Verdict"}
     */
    static <K> Map<K, NodeId> nodeIds(Iterable<K> keys, Function<K, String> text, String what) {
        Map<K, NodeId> ids = new LinkedHashMap<>();
        for (K key : keys) {
            try {
                ids.put(key, NodeId.parse(text.apply(key)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(what.formatted(text.apply(key)));
            }
        }
        return ids;
    }
}
