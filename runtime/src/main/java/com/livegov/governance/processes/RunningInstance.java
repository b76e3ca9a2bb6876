package com.livegov.governance.processes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A process instance Kogito still holds (running, waiting, or failed).
 *
 * @param state {@code ACTIVE}, {@code ERROR}, {@code SUSPENDED} or {@code PENDING}
 * @param steps the steps it is at now (the active nodes)
 * @param streamerId the streamer it is about, when known
 * @param subject the account it is about, when it has one
 * @param error why it failed, for an instance in error
 */
public record RunningInstance(String processId, String instanceId, String businessKey, Instant startedAt, String state,
        List<InstanceStep> steps, String streamerId, String subject, InstanceError error) {

    public boolean failed() {
        return error != null;
    }

    /** Whole days since it started. */
    public long ageDays(Instant now) {
        return startedAt == null ? 0 : Duration.between(startedAt, now).toDays();
    }

    /** Hours since it started, beyond the whole days. */
    public long ageHours(Instant now) {
        return startedAt == null ? 0 : Duration.between(startedAt, now).toHoursPart();
    }

    /** The ids of the elements it is at, comma-separated (for the diagram). */
    public String currentElementIds() {
        List<String> ids = new java.util.ArrayList<>(steps.stream().map(InstanceStep::elementId).filter(id -> id != null).toList());
        if (error != null && error.elementId() != null && !ids.contains(error.elementId())) {
            ids.add(error.elementId());
        }
        return String.join(",", ids);
    }
}
