package com.livegov.governance.performance;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the monthly performance assessment ({@code governance.performance.*}).
 *
 * @param schedule when the assessment of the previous month starts by itself: a cron expression with seconds
 *        ({@code second minute hour day-of-month month day-of-week}); by default 03:00 on the third day of every
 *        month, so the data team has two days to load the scores
 * @param zone the time zone of the schedule and of "the previous month" (by default UTC)
 */
@ConfigurationProperties(prefix = "governance.performance")
public record PerformanceProperties(String schedule, ZoneId zone) {

    public PerformanceProperties {
        schedule = schedule != null && !schedule.isBlank() ? schedule : "0 0 3 3 * *";
        zone = zone != null ? zone : ZoneId.of("UTC");
    }
}
