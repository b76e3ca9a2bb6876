package com.livegov.governance.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ReviewQuarterTest {

    @Test
    void quartersAreReadAndOrderedByYearThenQuarter() {
        assertThat(ReviewQuarter.parse("2026-Q4")).isEqualTo(new ReviewQuarter(2026, 4));
        assertThat(ReviewQuarter.parse("2027-Q1")).isGreaterThan(ReviewQuarter.parse("2026-Q4"));
        assertThat(ReviewQuarter.parse("2026-Q2").toString()).isEqualTo("2026-Q2");
    }

    @Test
    void somethingElseIsRefused() {
        for (String text : new String[] { "2026-Q5", "2026-Q0", "26-Q1", "2026Q1", "2026-q1", "" }) {
            assertThatThrownBy(() -> ReviewQuarter.parse(text)).isInstanceOf(ReviewRefused.class).hasMessageContaining("2026-Q4");
        }
        assertThatThrownBy(() -> ReviewQuarter.parse(null)).isInstanceOf(ReviewRefused.class);
    }

    @Test
    void theQuarterUnderWayFollowsTheZone() {
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        assertThat(ReviewQuarter.current(ZoneId.of("UTC")))
                .isEqualTo(new ReviewQuarter(today.getYear(), (today.getMonthValue() + 2) / 3));
    }
}
