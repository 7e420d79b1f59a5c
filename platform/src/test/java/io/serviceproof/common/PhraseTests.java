package io.serviceproof.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseTests {

    @Test
    void aStoredPhraseReadsBackWithItsNestedTermsAndItsEnglishIsUnchanged() {
        Phrase overridden = Phrase.of(
                "trail.detail.overridden", "ISO/IEC 27001:2022 A.5.1", Phrase.term("assessment.result.partial"), "ok");

        Phrase read = Phrase.parse(overridden.json());

        assertThat(read).isEqualTo(overridden);
        assertThat(read.english()).isEqualTo("ISO/IEC 27001:2022 A.5.1 → partial: ok");
    }

    @Test
    void numbersAreKeptAsWrittenNotRegroupedByTheFormatter() {
        assertThat(Phrase.of("trail.detail.accessed.log-entry", 123456).english())
                .isEqualTo("log entry 123456");
    }

    @Test
    void aTermWhoseKeyNoBundleHasFallsBackToItsToken() {
        assertThat(Phrase.term("recognition.kind.some_new_kind").english()).isEqualTo("some_new_kind");
    }

    @Test
    void storedTextThatIsNotAPhraseIsRefusedRatherThanHalfRead() {
        for (String hostile : List.of(
                "",
                "null",
                "[]",
                "{\"args\":[]}",
                "{\"key\":\"trail.detail.user-as\"}",
                "{\"key\":\"trail.detail.user-as\",\"args\":[1]}",
                "{\"key\":7,\"args\":[]}",
                "{\"key\":\"k\",\"args\":[{\"args\":[]}]}")) {
            assertThatThrownBy(() -> Phrase.parse(hostile)).as(hostile).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
