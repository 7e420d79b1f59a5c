package io.serviceproof.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Whether a logged entry is device-signed is read from its top-level {@code signature} member only:
 * a payload that merely mentions one (a string, or a nested object of that name) is not signed.
 */
class SlaEventsTests {

    @Test
    void anEntryWithATopLevelSignatureIsDeviceSigned() {
        assertThat(SlaEvents.deviceSigned(bytes("{\"eventId\":\"e\",\"payload\":{\"verdict\":\"pass\"},"
                        + "\"schema\":\"serviceproof.io/ledger-entry/v1\",\"serviceLayerId\":\"rqi\","
                        + "\"signature\":{\"format\":\"dsse\",\"keyId\":\"ed25519:00\",\"sig\":\"AA==\"},"
                        + "\"type\":\"inspection.verdict\"}")))
                .isTrue();
    }

    @Test
    void aPayloadThatOnlyMentionsASignatureIsNot() {
        assertThat(SlaEvents.deviceSigned(bytes("{\"eventId\":\"e\",\"payload\":{\"signature\":{\"sig\":\"AA==\"},"
                        + "\"note\":\"\\\"signature\\\":{\"},\"schema\":\"serviceproof.io/ledger-entry/v1\","
                        + "\"type\":\"inspection.verdict\"}")))
                .isFalse();
        assertThat(SlaEvents.deviceSigned(bytes("{\"eventId\":\"\\\"signature\\\":{\",\"payload\":{},"
                        + "\"schema\":\"serviceproof.io/ledger-entry/v1\",\"type\":\"heartbeat\"}")))
                .isFalse();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
