package com.livegov.governance.taskcontext;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is looking at a task: the logged-in user and their groups, always taken from the login.
 *
 * @param user the login name
 * @param groups the login's groups (its authorities, named like the groups Kogito assigns tasks to)
 */
public record TaskViewer(String user, Set<String> groups) {

    public TaskViewer {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("A task viewer needs a user");
        }
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** The viewer of an authenticated login. */
    public static TaskViewer of(Authentication login) {
        Set<String> groups = new TreeSet<>();
        login.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(groups::add);
        return new TaskViewer(login.getName(), groups);
    }
}
