package io.serviceproof.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SlaPeriodTests {

    @Test
    void monthsAndIsoWeeksAreUtcPeriods() {
        SlaPeriod october = SlaPeriod.parse("2026-10");
        assertThat(october.from()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(october.to()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(october.next().label()).isEqualTo("2026-11");
        assertThat(october.previous().label()).isEqualTo("2026-09");

        SlaPeriod week = SlaPeriod.parse("2026-W01");
        // ISO week 1 of 2026 starts on Monday 29 December 2025.
        assertThat(week.from()).isEqualTo(Instant.parse("2025-12-29T00:00:00Z"));
        assertThat(week.to()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
        assertThat(week.previous().label()).isEqualTo("2025-W52");
        assertThat(SlaPeriod.containing("week", Instant.parse("2026-11-26T12:00:00Z"))
                        .label())
                .isEqualTo("2026-W48");
        assertThat(SlaPeriod.containing("month", Instant.parse("2026-11-26T12:00:00Z"))
                        .label())
                .isEqualTo("2026-11");
    }

    @Test
    void badPeriodsAreRefusedWithWhatIsExpected() {
        for (String bad : new String[] {"2026-13", "2026-W54", "october", "2026-10-01", ""}) {
            assertThatThrownBy(() -> SlaPeriod.parse(bad))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("YYYY-MM");
        }
        assertThatThrownBy(() -> SlaPeriod.custom(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SlaPeriod.custom(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 1)))
                .hasMessageContaining("366");
    }
}
