package com.livegov.governance.inbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The inbox's views (tabs). The message key of a view's label is {@code inbox.view.<id>}.
 *
 * <ul>
 * <li>{@link #MINE}: open tasks reserved by me (state {@code Reserved}, owner me);</li>
 * <li>{@link #GROUPS_UNASSIGNED}: open tasks nobody has reserved (state {@code Ready}), offered to me by name or to
 * one of my groups, where I am not an excluded user;</li>
 * <li>{@link #COMPLETED_BY_ME}: tasks I completed (also those I completed on someone's behalf, and those a
 * substitute completed on mine), newest first unless sorted otherwise;</li>
 * <li>{@link #TEAM}: for team leads only ({@code ops-manager}, {@code director}, {@code admin}): every open task of
 * their team (see {@link InboxProperties#teamGroups()});</li>
 * <li>{@link #VISIBLE}: every open task Kogito's own API ({@code GET /usertasks/instance}) shows me, by exactly its
 * rule: I own it, I am an admin user or in an admin group, I am a potential user and not excluded, or I am in
 * a potential group (Kogito does not apply the exclusion to groups).</li>
 * </ul>
 * While somebody has named me their substitute and the period runs, {@link #MINE} and {@link #GROUPS_UNASSIGNED}
 * also hold their tasks, marked with {@link TaskRow#onBehalfOf()}.
 */
public enum InboxView {
    MINE("mine"),
    GROUPS_UNASSIGNED("groups-unassigned"),
    COMPLETED_BY_ME("completed-by-me"),
    TEAM("team"),
    VISIBLE("visible");

    private final String id;

    InboxView(String id) {
        this.id = id;
    }

    /** The view's name in URLs ({@code ?view=groups-unassigned}) and message keys ({@code inbox.view.groups-unassigned}). */
    public String id() {
        return id;
    }

    /** The view named {@code mine}, {@code groups-unassigned}, ... (also the enum name, any case). */
    public static Optional<InboxView> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(view -> view.id.equals(wanted)).findFirst();
    }
}
