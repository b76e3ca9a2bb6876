package com.livegov.governance.streamers;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is looking at a streamer page: the login and its groups, from the authenticated principal only. */
record Viewer(String name, Set<String> groups) {

    /** The company's staff groups (README, "who may do what"). */
    static final Set<String> STAFF = Set.of("admin", "hr", "legal", "ops", "ops-manager", "director");

    static Viewer of(Authentication login) {
        return new Viewer(login.getName(),
                login.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
    }

    boolean isStaff() {
        return groups.stream().anyMatch(STAFF::contains);
    }

    boolean isStreamer() {
        return groups.contains("streamer");
    }

    /** Staff, or the streamer whose page it is (a streamer's login name is their streamer id). */
    boolean maySee(String streamerId) {
        return isStaff() || isStreamer() && name.equals(streamerId);
    }

    boolean mayDownloadEvidence() {
        return groups.contains("legal") || groups.contains("admin");
    }

    /**
     * The performance record (see {@code performance/PerformanceController}): HR, legal, admin, the director, the
     * streamer's own ops-manager and the streamer themself.
     */
    boolean mayReadPerformance(String streamerId, String opsManager) {
        return groups.contains("hr") || groups.contains("legal") || groups.contains("admin") || groups.contains("director")
                || groups.contains("ops-manager") && name.equals(opsManager) || isStreamer() && name.equals(streamerId);
    }

    boolean mayOpenProcesses() {
        return groups.contains("admin") || groups.contains("director");
    }
}
