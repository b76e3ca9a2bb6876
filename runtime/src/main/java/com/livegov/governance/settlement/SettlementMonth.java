package com.livegov.governance.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A calendar month as the settlement API spells it ({@code 2026-10}). */
record SettlementMonth(YearMonth value) {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM");

    /** Reads {@code yyyy-MM}; anything else is refused. */
    static SettlementMonth parse(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            throw new SettlementRefused("month must be a calendar month as yyyy-MM (for example 2026-10), not " + text);
        }
        try {
            return new SettlementMonth(YearMonth.parse(text, FORMAT));
        } catch (DateTimeParseException e) {
            throw new SettlementRefused("month must be a calendar month as yyyy-MM (for example 2026-10), not " + text);
        }
    }

    /** The month before the current one in the zone: what the monthly schedule settles. */
    static SettlementMonth previous(ZoneId zone) {
        return new SettlementMonth(YearMonth.now(zone).minusMonths(1));
    }

    boolean hasEnded(ZoneId zone) {
        return value.isBefore(YearMonth.now(zone));
    }

    boolean isAfterCurrent(ZoneId zone) {
        return value.isAfter(YearMonth.now(zone));
    }

    /**
     * The business time of the month's decisions: the last instant of its last day in the zone. A settlement uses the
     * decision versions in force then, whenever it runs.
     */
    Instant decisionTime(ZoneId zone) {
        return value.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().minus(1, ChronoUnit.MICROS);
    }

    LocalDate lastDay() {
        return value.atEndOfMonth();
    }

    /**
     * Whole months of cooperation from the start date to the end of this month: a streamer who started on
     * 2024-11-01 has 24 months at the end of 2026-10; one who started on 2024-11-02 has 23.
     */
    long cooperationMonths(LocalDate startedOn) {
        return Math.max(0, ChronoUnit.MONTHS.between(startedOn, lastDay().plusDays(1)));
    }

    @Override
    public String toString() {
        return value.format(FORMAT);
    }
}
