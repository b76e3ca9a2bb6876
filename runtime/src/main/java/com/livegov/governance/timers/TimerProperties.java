package com.livegov.governance.timers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the durable timer service ({@code governance.timers.*}).
 *
 * @param pollingInterval how often each instance looks for due timers; a timer fires at most this late
 * @param threads how many timers one instance fires in parallel
 * @param heartbeatInterval how often an instance marks its running timers alive; a timer whose instance died
 *        is taken over by another after a few missed heartbeats
 * @param retryDelay the first wait before a failed firing is retried (it doubles each time)
 * @param maxRetries how many times a failed firing is retried before it is given up and logged
 * @param shutdownWait how long a stopping instance waits for timers it is firing
 * @param table the scheduler's table (created by Flyway)
 */
@ConfigurationProperties(prefix = "governance.timers")
public record TimerProperties(
        Duration pollingInterval,
        Integer threads,
        Duration heartbeatInterval,
        Duration retryDelay,
        Integer maxRetries,
        Duration shutdownWait,
        String table) {

    public TimerProperties {
        pollingInterval = pollingInterval != null ? pollingInterval : Duration.ofSeconds(5);
        threads = threads != null ? threads : 4;
        heartbeatInterval = heartbeatInterval != null ? heartbeatInterval : Duration.ofMinutes(1);
        retryDelay = retryDelay != null ? retryDelay : Duration.ofSeconds(10);
        maxRetries = maxRetries != null ? maxRetries : 6;
        shutdownWait = shutdownWait != null ? shutdownWait : Duration.ofSeconds(20);
        table = table != null ? table : "governance.scheduled_tasks";
    }
}
