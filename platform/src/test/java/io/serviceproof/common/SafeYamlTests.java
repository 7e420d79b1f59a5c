package io.serviceproof.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** What every YAML the product reads from outside is held to before it is mapped. */
class SafeYamlTests {

    private static UnprocessableDocumentException.Problem refusal(String yaml) {
        try {
            SafeYaml.screen(yaml);
        } catch (UnprocessableDocumentException e) {
            return e.problems().get(0);
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void anAliasIsRefusedWithItsLocationInsteadOfBeingReadAsItsName() {
        // Jackson reads `summary: *n` as the text "n": the document would silently change.
        UnprocessableDocumentException.Problem problem = refusal("name: Inspection\nsummary: *n\n");
        assertThat(problem.location()).isEqualTo("line 2, column 10");
        assertThat(problem.message()).contains("aliases");
    }

    @Test
    void aMalformedEscapeIsRefusedAsUnreadableNotAServerError() {
        // Found by fuzzing the contract upload: the YAML scanner threw NumberFormatException (a 500).
        String truncatedUnicodeEscape = "a: {\"x\": \"\\u";
        assertThat(refusal(truncatedUnicodeEscape).message()).contains("not readable YAML");
        assertThat(refusal("a: \"\\x\"").message()).contains("not readable YAML");
    }

    @Test
    void anAnchorIsRefusedToo() {
        UnprocessableDocumentException.Problem problem = refusal("base: &b {a: 1}\n");
        assertThat(problem.location()).isEqualTo("line 1, column 7");
        assertThat(problem.message()).contains("anchors");
    }

    @Test
    void keysThatAreMappingsOrListsAreRefused() {
        assertThat(refusal("? [a, b]\n: value\n").message()).contains("keys must be plain text");
        assertThat(refusal("outer:\n  ? {a: 1}\n  : value\n").location()).isEqualTo("line 2, column 5");
    }

    @Test
    void nestingIsCapped() {
        String deep = "[".repeat(SafeYaml.MAX_DEPTH + 1) + "]".repeat(SafeYaml.MAX_DEPTH + 1);
        assertThat(refusal(deep).message()).contains("nested deeper");
        String fine = "[".repeat(SafeYaml.MAX_DEPTH) + "]".repeat(SafeYaml.MAX_DEPTH);
        assertThatCode(() -> SafeYaml.screen(fine)).doesNotThrowAnyException();
    }

    @Test
    void sizeIsCappedBeforeParsing() {
        assertThat(refusal("a: " + "x".repeat(SafeYaml.MAX_CHARS)).message()).contains("larger than");
    }

    @Test
    void syntaxErrorsAreReadable() {
        assertThat(refusal("a: [1, 2\n").message()).startsWith("not readable YAML");
    }

    @Test
    void ordinaryDocumentsPassAndMapAsBefore() {
        String yaml = "apiVersion: openslo/v1\nkind: SLO\nspec:\n  objectives:\n    - target: 0.995\n      op: lte\n"
                + "---\nkind: SLO\n";
        assertThatCode(() -> SafeYaml.screen(yaml)).doesNotThrowAnyException();
        assertThat(SafeYaml.mapper()
                        .build()
                        .readTree("a: [1, {b: c}]")
                        .get("a")
                        .get(1)
                        .get("b")
                        .asString())
                .isEqualTo("c");
    }
}
