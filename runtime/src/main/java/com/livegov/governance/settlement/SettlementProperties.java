package com.livegov.governance.settlement;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the monthly commission settlement ({@code governance.settlement.*}).
 *
 * @param schedule when the settlement of the previous month starts by itself: a cron expression with seconds
 *        ({@code second minute hour day-of-month month day-of-week}); {@code -} turns the schedule off. By
 *        default 02:00 on the first day of every month.
 * @param zone the time zone of the schedule and of "the previous month" (by default UTC)
 */
@ConfigurationProperties(prefix = "governance.settlement")
public record SettlementProperties(String schedule, ZoneId zone) {

    public SettlementProperties {
        schedule = schedule != null && !schedule.isBlank() ? schedule : "0 0 2 1 * *";
        zone = zone != null ? zone : ZoneId.of("UTC");
    }
}
