package com.livegov.governance.performance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A calendar month as the performance API spells it ({@code 2026-10}). */
record AssessedMonth(YearMonth value) {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM");

    /** Reads {@code yyyy-MM}; anything else is refused. */
    static AssessedMonth parse(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            throw new PerformanceRefused("month must be a calendar month as yyyy-MM (for example 2026-10), not " + text);
        }
        try {
            return new AssessedMonth(YearMonth.parse(text, FORMAT));
        } catch (DateTimeParseException e) {
            throw new PerformanceRefused("month must be a calendar month as yyyy-MM (for example 2026-10), not " + text);
        }
    }

    /** The month before the current one in the zone: what the monthly schedule assesses. */
    static AssessedMonth previous(ZoneId zone) {
        return new AssessedMonth(YearMonth.now(zone).minusMonths(1));
    }

    boolean hasEnded(ZoneId zone) {
        return value.isBefore(YearMonth.now(zone));
    }

    boolean isAfterCurrent(ZoneId zone) {
        return value.isAfter(YearMonth.now(zone));
    }

    AssessedMonth before() {
        return new AssessedMonth(value.minusMonths(1));
    }

    /**
     * The business time of the month's decision: the last instant of its last day in the zone. The month is scored
     * with the PerformanceScore version in force then, whenever it runs.
     */
    Instant decisionTime(ZoneId zone) {
        return value.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().minus(1, ChronoUnit.MICROS);
    }

    LocalDate lastDay() {
        return value.atEndOfMonth();
    }

    @Override
    public String toString() {
        return value.format(FORMAT);
    }
}
