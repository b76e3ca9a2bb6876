package com.livegov.governance.approval;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns the ApprovalChain decision into the route one request follows: the group of each level and the time
 * each level has before the request escalates to the next.
 *
 * <p>Called by the service task {@code Task_PlanRoute}. The deadlines are the decision's; a start request may
 * shorten them only where {@code governance.approval.allow-deadline-override} is on (rehearsals and tests).
 * Kogito's generated handler needs a public no-argument constructor; it builds a route that never accepts
 * an override.
 */
@Component
public class ApprovalRoute {

    static final String[] GROUP_KEYS = { "level1Group", "level2Group", "escalationGroup" };
    static final String[] DEADLINE_KEYS = { "level1Deadline", "level2Deadline" };

    private final boolean allowDeadlineOverride;

    public ApprovalRoute() {
        this(false);
    }

    @Autowired
    public ApprovalRoute(@Value("${governance.approval.allow-deadline-override:false}") boolean allowDeadlineOverride) {
        this.allowDeadlineOverride = allowDeadlineOverride;
    }

    /**
     * @param chain the ApprovalChain decision result
     * @param requestedDeadlines optional shorter deadlines keyed like the decision's ({@code level1Deadline}, ...)
     * @return the route: groups and ISO-8601 deadlines of every level, and whether the action is executed
     *         before the approval (and ratified by it)
     */
    public Map<String, Object> plan(Map<String, Object> chain, Map<String, Object> requestedDeadlines) {
        if (chain == null) {
            throw new IllegalStateException("The ApprovalChain decision gave no result");
        }
        Map<String, Object> route = new HashMap<>();
        for (String key : GROUP_KEYS) {
            route.put(key, requireText(chain, key));
        }
        for (String key : DEADLINE_KEYS) {
            Object requested = requestedDeadlines == null ? null : requestedDeadlines.get(key);
            String deadline = allowDeadlineOverride && requested != null ? requested.toString() : requireText(chain, key);
            route.put(key, requireDuration(key, deadline));
        }
        route.put("executeFirst", Boolean.TRUE.equals(chain.get("executeFirst")));
        return route;
    }

    private static String requireText(Map<String, Object> chain, String key) {
        Object value = chain.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("The ApprovalChain decision gave no " + key);
        }
        return value.toString();
    }

    private static String requireDuration(String key, String value) {
        try {
            if (Duration.parse(value).isNegative()) {
                throw new IllegalStateException(key + " must not be negative: " + value);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(key + " is not an ISO-8601 duration: " + value, e);
        }
    }
}
