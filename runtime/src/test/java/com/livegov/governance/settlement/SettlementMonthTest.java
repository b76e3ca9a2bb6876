package com.livegov.governance.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SettlementMonthTest {

    @Test
    void cooperationCountsWholeMonthsToTheEndOfTheSettledMonth() {
        SettlementMonth october = SettlementMonth.parse("2026-10");

        assertThat(october.cooperationMonths(LocalDate.of(2024, 11, 1))).isEqualTo(24);
        assertThat(october.cooperationMonths(LocalDate.of(2024, 11, 2))).isEqualTo(23);
        assertThat(october.cooperationMonths(LocalDate.of(2026, 10, 31))).isZero();
        assertThat(SettlementMonth.parse("2025-02").cooperationMonths(LocalDate.of(2024, 2, 29))).as("leap day").isEqualTo(12);
    }

    @Test
    void onlyCalendarMonthsAsYearDashMonthAreRead() {
        assertThat(SettlementMonth.parse("2026-01").value()).isEqualTo(YearMonth.of(2026, 1));
        for (String bad : new String[] { "2026-13", "2026-1", "26-10", "October", "2026-10-01", "" }) {
            assertThatThrownBy(() -> SettlementMonth.parse(bad)).as(bad).isInstanceOf(SettlementRefused.class).hasMessageContaining("yyyy-MM");
        }
        assertThatThrownBy(() -> SettlementMonth.parse(null)).isInstanceOf(SettlementRefused.class);
    }

    @Test
    void aMonthHasEndedOnlyAfterItsLastDay() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);

        assertThat(new SettlementMonth(now).hasEnded(ZoneOffset.UTC)).isFalse();
        assertThat(new SettlementMonth(now.minusMonths(1)).hasEnded(ZoneOffset.UTC)).isTrue();
        assertThat(SettlementMonth.previous(ZoneOffset.UTC).value()).isEqualTo(now.minusMonths(1));
    }
}
