package com.livegov.governance.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The groups of the platform. A user's groups are their Spring Security authorities, named exactly as here
 * (no {@code ROLE_} prefix), and they are the groups Kogito assigns human tasks to.
 */
public enum Group {
    ADMIN("admin"),
    HR("hr"),
    LEGAL("legal"),
    OPS("ops"),
    OPS_MANAGER("ops-manager"),
    DIRECTOR("director"),
    STREAMER("streamer"),
    /** Technical callers that post monitoring data (traffic alerts). */
    MONITORING("monitoring");

    private final String id;

    Group(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Group> of(String id) {
        return Arrays.stream(values()).filter(group -> group.id.equals(id)).findFirst();
    }

    /** The ids of the given groups, for authority checks. */
    static String[] ids(Group... groups) {
        return Arrays.stream(groups).map(Group::id).toArray(String[]::new);
    }

    /** Every group of the company's staff: everyone but streamers and technical callers. */
    static Group[] staff() {
        return new Group[] {ADMIN, HR, LEGAL, OPS, OPS_MANAGER, DIRECTOR};
    }
}
