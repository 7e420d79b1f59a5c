package io.serviceproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.common.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request bodies are UTF-8 exactly: what is well-formed is read as sent, anything else is refused. */
class EntryJsonUtf8Tests {

    @Test
    void wellFormedTextIsReadAsSentIncludingAReplacementCharacterTheProducerMeant() {
        for (String text : new String[] {
            "plain ascii", "Kiểm tra chất lượng 检验 ตรวจสอบ", "😀 four bytes", "\uFEFFbom kept", "\uFFFD meant"
        }) {
            assertThat(EntryJson.strictUtf8(text.getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(text);
        }
    }

    @Test
    void malformedSequencesAreRefusedNotReplaced() {
        byte[][] hostile = {
            {'a', (byte) 0x80}, // a continuation byte alone
            {(byte) 0xE4, (byte) 0xB8}, // a sequence cut short
            {(byte) 0xC0, (byte) 0x80}, // an overlong NUL
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xED, (byte) 0xB0, (byte) 0x80}, // CESU-8 surrogates
            {'{', (byte) 0xFF, '}'}, // a byte UTF-8 never uses
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80} // beyond U+10FFFF
        };
        for (byte[] body : hostile) {
            assertThatThrownBy(() -> EntryJson.strictUtf8(body))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not valid UTF-8");
        }
    }
}
