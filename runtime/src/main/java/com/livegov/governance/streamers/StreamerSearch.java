package com.livegov.governance.streamers;

import java.util.Locale;
import java.util.Set;

/**
 * What the streamer list is filtered by. Unknown tiers and statuses are refused (400); blank fields filter
 * nothing.
 *
 * @param text part of the streamer's name or id or of one of their accounts' handles
 * @param page the page, from 1
 */
record StreamerSearch(String text, String tier, String status, String opsManager, int page) {

    static final Set<String> TIERS = Set.of("REGULAR", "KEY", "STRATEGIC", "PARTNER", "INCUBATOR");
    static final Set<String> STATUSES = Set.of("ONBOARDING", "ACTIVE", "OFFBOARDING", "OFFBOARDED");
    static final int PAGE_SIZE = 20;
    static final int LONGEST_TEXT = 100;

    StreamerSearch {
        text = blankToNull(text);
        tier = upper(tier);
        status = upper(status);
        opsManager = blankToNull(opsManager);
        page = Math.max(page, 1);
    }

    /** Null when the search is acceptable, else the name of the first refused field. */
    String refusedField() {
        if (tier != null && !TIERS.contains(tier)) {
            return "tier";
        }
        if (status != null && !STATUSES.contains(status)) {
            return "status";
        }
        if (text != null && text.length() > LONGEST_TEXT) {
            return "q";
        }
        if (opsManager != null && opsManager.length() > LONGEST_TEXT) {
            return "opsManager";
        }
        return null;
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        String clean = blankToNull(value);
        return clean == null ? null : clean.toUpperCase(Locale.ROOT);
    }
}
