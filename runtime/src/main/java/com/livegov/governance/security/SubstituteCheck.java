package com.livegov.governance.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a login may act on behalf of an absent user: the absent user named them substitute for a period that
 * runs at this instant, and is an enabled user. Asked by {@link IdentityParameters} for every request that says
 * it acts on somebody's behalf (implemented by the inbox's substitutes).
 */
public interface SubstituteCheck {

    /**
     * @param substitute the login
     * @param absentUser the user the request acts for
     * @param at the instant of the request
     * @return the absent user's groups when {@code absentUser} named {@code substitute} for a period containing
     *         {@code at}; empty when the login may not act for them
     */
    Optional<List<String>> groupsWhileStandingIn(String substitute, String absentUser, Instant at);
}
