package io.serviceproof.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.verifier.event.EventEnvelope;
import io.serviceproof.verifier.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server builds the bytes a device signed straight from the draft; the offline verifier rebuilds
 * them from the logged entry. They must be the same bytes for every shape of entry, or a valid
 * signature would be refused (or the verifier would disagree with the server).
 */
class DeviceSignatureCheckTests {

    private static final Map<String, Object> SIGNATURE = Map.of(
            "format",
            "dsse",
            "keyId",
            "ed25519:0011223344556677",
            "sig",
            "AAAA",
            "payloadType",
            EventEnvelope.PAYLOAD_TYPE);

    @Test
    void theServersSignedBytesAreTheVerifiersForEveryShapeOfEntry() throws Exception {
        List<EntryDraft> drafts = List.of(
                new EntryDraft("a", "heartbeat", Instant.parse("2026-11-03T08:15:00Z"), null, null, null, SIGNATURE),
                new EntryDraft(
                        "b-\u00e9\u4e2d",
                        "inspection.verdict",
                        Instant.parse("2026-11-03T08:15:00.120Z"),
                        "ai-remote-quality-inspection",
                        List.of(Map.of("sha256", "a".repeat(64))),
                        Map.of("verdict", "pass", "latencyMs", 41.5, "note", "\u2028 \"quoted\" \\ tab\t"),
                        SIGNATURE),
                new EntryDraft(
                        "c",
                        "plant.counter",
                        Instant.parse("2026-11-03T08:15:00.000000001Z"),
                        "wms",
                        List.of(),
                        Map.of("nested", Map.of("z", 1.0, "a", List.of(1e21, -0.0, 5e-7))),
                        SIGNATURE));
        for (EntryDraft draft : drafts) {
            Map<?, ?> logged = (Map<?, ?>) Json.parse(new String(draft.canonicalBytes(), StandardCharsets.UTF_8));
            assertThat(DeviceSignatureCheck.signedBytes(draft))
                    .as(draft.eventId())
                    .isEqualTo(EventEnvelope.signedBytes(logged));
        }
    }
}
