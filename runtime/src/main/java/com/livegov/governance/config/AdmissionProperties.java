package com.livegov.governance.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the admission control ({@code governance.admission.*}, see {@link AdmissionControl}).
 *
 * @param enabled whether requests are admitted through the bounded queue at all
 * @param maxConcurrent how many requests run at once; at most half the connection pool, because a request may
 *        hold two connections (an audit entry in a transaction of its own)
 * @param maxQueued how many requests wait for their turn; more are refused at once. Below the servlet
 *        container's thread count, so health probes and refusals always find a thread
 * @param maxWait how long a request waits for its turn before it is refused
 * @param retryAfter what a refused client is told to wait ({@code Retry-After}, whole seconds)
 */
@ConfigurationProperties(prefix = "governance.admission")
public record AdmissionProperties(Boolean enabled, Integer maxConcurrent, Integer maxQueued, Duration maxWait, Duration retryAfter) {

    public AdmissionProperties {
        enabled = enabled == null || enabled;
        maxConcurrent = maxConcurrent == null ? 10 : maxConcurrent;
        maxQueued = maxQueued == null ? 250 : maxQueued;
        maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
        retryAfter = retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
        if (maxConcurrent < 1 || maxQueued < 0 || maxWait.isNegative() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("governance.admission: max-concurrent must be at least 1, max-queued, max-wait and retry-after not negative");
        }
    }

    /** The {@code Retry-After} header's value: whole seconds, at least one. */
    String retryAfterSeconds() {
        return String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }
}
