package com.livegov.governance.review;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the quarterly permission review ({@code governance.permission-review.*}).
 *
 * @param schedule when a review of the quarter under way starts by itself: a cron expression with seconds
 *        ({@code second minute hour day-of-month month day-of-week}); {@code -} turns the schedule off. By default
 *        03:00 on the first day of every quarter.
 * @param zone the time zone of the schedule and of "the quarter under way" (by default UTC)
 */
@ConfigurationProperties(prefix = "governance.permission-review")
public record ReviewProperties(String schedule, ZoneId zone) {

    public ReviewProperties {
        schedule = schedule != null && !schedule.isBlank() ? schedule : "0 0 3 1 1,4,7,10 *";
        zone = zone != null ? zone : ZoneId.of("UTC");
    }
}
