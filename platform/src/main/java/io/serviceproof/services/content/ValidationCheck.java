package io.serviceproof.services.content;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a validation run's error rates against the layer's own objectives for them: an SLO on
 * {@code false_accept_ppm}, {@code false_accept_pct}, {@code false_reject_ppm} or
 * {@code false_reject_pct}. A rate that misses its objective must be flagged where it is shown,
 * not left for the reader to convert 1 % into 10 000 ppm.
 *
 * @param measured the validation's rate in the objective's unit
 * @param upper the upper end of its 95 % interval, in the same unit
 * @param met whether the measured rate meets the objective
 * @param demonstrated whether even the interval's upper end meets it (enough evidence, not luck)
 */
public record ValidationCheck(
        String sloId,
        String expression,
        String unit,
        double measured,
        double upper,
        boolean met,
        boolean demonstrated) {

    public static List<ValidationCheck> of(Rates rates, List<LayerContent.Slo> slos) {
        List<ValidationCheck> checks = new ArrayList<>();
        if (rates == null || slos == null) {
            return checks;
        }
        for (LayerContent.Slo slo : slos) {
            SloExpression expression;
            try {
                expression = SloExpression.parse(slo.expression());
            } catch (IllegalArgumentException e) {
                continue;
            }
            String quantity = expression.quantity();
            Rates.Interval interval = quantity.startsWith("false_accept")
                    ? rates.falseAccept()
                    : quantity.startsWith("false_reject") ? rates.falseReject() : null;
            double scale = quantity.endsWith("_ppm") ? 1_000_000 : quantity.endsWith("_pct") ? 100 : 0;
            if (interval == null || scale == 0 || interval.n() == 0) {
                continue;
            }
            double measured = interval.rate() * scale;
            double upper = interval.high() * scale;
            checks.add(new ValidationCheck(
                    slo.id(),
                    slo.expression(),
                    quantity.endsWith("_ppm") ? "ppm" : "%",
                    measured,
                    upper,
                    expression.met(BigDecimal.valueOf(measured)),
                    expression.met(BigDecimal.valueOf(upper))));
        }
        return checks;
    }
}
