package io.serviceproof.services.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A validation run's error rates, held against the layer's objectives in their own units. */
class ValidationCheckTests {

    private static LayerContent.Slo slo(String id, String expression) {
        return new LayerContent.Slo(id, id, expression, null, "month", null, null);
    }

    @Test
    void onePercentFalseAcceptMissesAFiveHundredPpmObjective() {
        // The inspection template's run: 2 of 200 defective parts accepted = 1 % = 10 000 ppm.
        Rates rates = Rates.of(new LayerContent.ConfusionMatrix(9650, 150, 2, 198));
        List<ValidationCheck> checks =
                ValidationCheck.of(rates, List.of(slo("false-accept", "rate(false_accept_ppm) <= 500")));
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.unit()).isEqualTo("ppm");
            assertThat(c.measured()).isEqualTo(10_000.0);
            assertThat(c.met()).isFalse();
            assertThat(c.demonstrated()).isFalse();
        });
    }

    @Test
    void aRateThatMeetsItsObjectiveOnlyByLuckIsNotDemonstrated() {
        // 0 of 20 defective parts accepted: 0 ppm, but the 95 % interval reaches far above 500 ppm.
        Rates few = Rates.of(new LayerContent.ConfusionMatrix(100, 1, 0, 20));
        assertThat(ValidationCheck.of(few, List.of(slo("fa", "rate(false_accept_ppm) <= 500"))))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.met()).isTrue();
                    assertThat(c.demonstrated()).isFalse();
                });
        Rates many = Rates.of(new LayerContent.ConfusionMatrix(100_000, 1_000, 0, 100_000));
        assertThat(ValidationCheck.of(many, List.of(slo("fr", "rate(false_reject_pct) <= 2"))))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.unit()).isEqualTo("%");
                    assertThat(c.met()).isTrue();
                    assertThat(c.demonstrated()).isTrue();
                });
    }

    @Test
    void objectivesOnOtherQuantitiesOrUnparseableOnesAreNotChecked() {
        Rates rates = Rates.of(new LayerContent.ConfusionMatrix(10, 0, 0, 10));
        assertThat(ValidationCheck.of(rates, List.of(slo("a", "availability >= 99.5"), slo("b", "not an expression"))))
                .isEmpty();
        assertThat(ValidationCheck.of(null, List.of(slo("fa", "rate(false_accept_ppm) <= 500"))))
                .isEmpty();
    }
}
