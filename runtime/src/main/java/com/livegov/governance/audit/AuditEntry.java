package com.livegov.governance.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An entry to record: who, what, about what, why, in which process, about which streamer. The time, the
 * sequence number and the hashes are given when it is appended to the chain.
 *
 * <pre>
 * audit.record(AuditEntry.of(AuditAction.LOGIN_FAILED, "mallory", AuditTarget.user("mallory"), "bad password")
 *         .withDetails(Map.of("remoteAddress", "203.0.113.7")));
 * </pre>
 *
 * @param action what happened
 * @param actor a user name, {@code process:<processId>} or {@code system}
 * @param target what it happened to; may be null
 * @param reason why, in words; may be null
 * @param processInstanceId the process instance it belongs to, if any
 * @param streamerId the streamer it is about, if known (filled in from the process instance when not given)
 * @param details anything else, as JSON-like values (maps, lists, strings, numbers, booleans)
 */
public record AuditEntry(AuditAction action, String actor, AuditTarget target, String reason, String processInstanceId,
        String streamerId, Map<String, Object> details) {

    public AuditEntry {
        if (action == null) {
            throw new IllegalArgumentException("An audit entry needs an action");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs an actor (a user, process:<id> or system)");
        }
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static AuditEntry of(AuditAction action, String actor, AuditTarget target, String reason) {
        return new AuditEntry(action, actor, target, reason, null, null, Map.of());
    }

    public AuditEntry inProcess(String processInstance) {
        return new AuditEntry(action, actor, target, reason, processInstance, streamerId, details);
    }

    public AuditEntry aboutStreamer(String streamer) {
        return new AuditEntry(action, actor, target, reason, processInstanceId, streamer, details);
    }

    public AuditEntry withDetails(Map<String, ?> moreDetails) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.putAll(moreDetails);
        return new AuditEntry(action, actor, target, reason, processInstanceId, streamerId, all);
    }
}
