package io.serviceproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.common.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the log accepts as an event, checked by hand-written loops that must say what the rules say. */
class EntryDraftTests {

    /** The rule as the API documents it; the draft checks it with a loop. */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*");

    @Test
    void theTypeCheckAcceptsExactlyWhatTheDocumentedPatternAccepts() {
        char[] alphabet = {'a', 'z', '0', '9', '.', '_', '-', 'A', ' ', 'é', '/'};
        int checked = 0;
        // Every string of up to five characters over letters, digits, separators and strangers.
        for (int length = 0; length <= 5; length++) {
            int[] digits = new int[length];
            while (true) {
                StringBuilder type = new StringBuilder();
                for (int d : digits) {
                    type.append(alphabet[d]);
                }
                String t = type.toString();
                assertThat(EntryDraft.isType(t))
                        .as("'%s'", t)
                        .isEqualTo(TYPE.matcher(t).matches());
                checked++;
                int i = length - 1;
                while (i >= 0 && ++digits[i] == alphabet.length) {
                    digits[i--] = 0;
                }
                if (i < 0) {
                    break;
                }
            }
        }
        assertThat(checked).isGreaterThan(170_000);
        assertThat(EntryDraft.isType("inspection.verdict")).isTrue();
        assertThat(EntryDraft.isType("remote-session.start_2")).isTrue();
    }

    @Test
    void aBadTypeOrAControlCharacterIsRefusedWithTheField() {
        assertThatThrownBy(() -> draft("evt-1", "Inspection.Verdict", null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e ->
                        assertThat(((InvalidInputException) e).fieldErrors()).containsKey("type"));
        assertThatThrownBy(() -> draft("evt\u0007", "inspection.verdict", null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e ->
                        assertThat(((InvalidInputException) e).fieldErrors()).containsKey("eventId"));
        assertThatThrownBy(() -> draft("evt\u007f", "inspection.verdict", null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theUnsignedFormIsTheSignedFormWithoutItsSignature() {
        Map<String, Object> signature = Map.of(
                "format",
                "dsse",
                "keyId",
                "ed25519:abc",
                "sig",
                "AAAA",
                "payloadType",
                io.serviceproof.verifier.event.EventEnvelope.PAYLOAD_TYPE);
        EntryDraft signed = draft("evt-1", "inspection.verdict", signature);
        String unsigned = new String(signed.unsignedCanonicalBytes(), StandardCharsets.UTF_8);
        assertThat(unsigned)
                .isEqualTo(new String(
                        draft("evt-1", "inspection.verdict", null).canonicalBytes(), StandardCharsets.UTF_8));
        assertThat(unsigned).doesNotContain("signature");
        assertThat(new String(signed.canonicalBytes(), StandardCharsets.UTF_8))
                .contains("\"signature\":{\"format\":\"dsse\",\"keyId\":\"ed25519:abc\"");
    }

    private static EntryDraft draft(String eventId, String type, Map<String, Object> signature) {
        return new EntryDraft(
                eventId,
                type,
                Instant.parse("2026-11-03T08:15:00Z"),
                "layer-1",
                List.of(),
                Map.of("verdict", "pass"),
                signature);
    }
}
