package com.livegov.governance.inbox;

import java.security.Principal;
import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is looking at the inbox: the logged-in user's name and groups (never taken from a request parameter).
 *
 * @param name the login
 * @param groups the login's groups
 */
public record InboxUser(String name, Set<String> groups) {

    public InboxUser {
        groups = Set.copyOf(groups);
    }

    /** The user of a login (its name and the groups it was granted). */
    public static InboxUser of(Principal login) {
        if (login instanceof Authentication authentication) {
            Collection<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
            return new InboxUser(authentication.getName(), Set.copyOf(groups));
        }
        throw new IllegalArgumentException("The inbox needs an authenticated login");
    }

    boolean isIn(String group) {
        return groups.contains(group);
    }
}
