package io.serviceproof.ingest;

import io.serviceproof.common.MasterKey;
import java.util.Base64;

/**
 * A connection's secrets, sealed with the master key when they are saved (MqttConnections) and
 * unsealed only here, as a client connects: the broker password and the TLS client key.
 */
final class MqttSecrets {

    private final MasterKey masterKey;

    MqttSecrets(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    /** The connection's password, unsealed only here, to connect (empty without one). */
    byte[] password(MqttConnectionRows.Enabled enabled) {
        if (enabled.passwordSealed() == null) {
            return new byte[0];
        }
        return masterKey.unseal(
                Base64.getDecoder().decode(enabled.passwordSealed()), MqttConnections.sealingContext(enabled));
    }

    /** The connection's TLS material, its client key unsealed only here, to connect. */
    MqttTls tls(MqttConnectionRows.Enabled enabled) {
        String key = enabled.keySealed() == null
                ? null
                : new String(
                        masterKey.unseal(
                                Base64.getDecoder().decode(enabled.keySealed()),
                                MqttConnections.keySealingContext(
                                        enabled.organisation(),
                                        enabled.connection().id())),
                        java.nio.charset.StandardCharsets.US_ASCII);
        return MqttTls.parse(enabled.caPem(), enabled.certificatePem(), key);
    }
}
