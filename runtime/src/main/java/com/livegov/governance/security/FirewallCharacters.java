package com.livegov.governance.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own character rules for header names, header values and parameter
 * names, written as a loop over the characters instead of its regular expressions.
 *
 * <p>The firewall checks a header every time the application reads it, and its defaults do that with the patterns
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (names) and {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}
 * (values), which test each character against Unicode tables: under a load of approvals 7 % of the server's
 * samples in a JFR profile, 0.6 % in an async-profiler one (JFR's sampling favours such loops). The rules here accept and refuse exactly the same strings (a printable ASCII character is accepted at
 * once; any other code point must be assigned and not a control character, and a value may also contain a tab);
 * {@code FirewallCharactersTest} compares them with Spring's patterns. Everything else of the strict firewall
 * (encoded slashes, semicolons, methods, host names) stays as it is.
 */
final class FirewallCharacters {

    private FirewallCharacters() {
    }

    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallCharacters::assignedAndNotControl);
        firewall.setAllowedHeaderValues(FirewallCharacters::assignedAndNotControlOrTab);
        firewall.setAllowedParameterNames(FirewallCharacters::assignedAndNotControl);
        return firewall;
    }

    /** Spring's {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static boolean assignedAndNotControl(String text) {
        return allowed(text, false);
    }

    /** Spring's {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
    static boolean assignedAndNotControlOrTab(String text) {
        return allowed(text, true);
    }

    private static boolean allowed(String text, boolean tab) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
