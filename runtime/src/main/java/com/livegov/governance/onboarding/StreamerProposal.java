package com.livegov.governance.onboarding;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import com.livegov.governance.accounts.StreamerRegistry;

/**
 * The new streamer as the onboarding request names them, checked: every field present, a known tier, a start
 * date, an id fit for addresses.
 */
record StreamerProposal(String streamerId, String displayName, String tier, String category, String opsManager, LocalDate startDate,
        String subAccountHandle, String initiatedBy) {

    static final List<String> TIERS = List.of("REGULAR", "KEY", "STRATEGIC", "PARTNER", "INCUBATOR");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

    static StreamerProposal of(String streamerId, String displayName, String tier, String category, String opsManager, String startDate,
            String subAccountHandle, String initiatedBy) {
        if (streamerId == null || !ID.matcher(streamerId).matches()) {
            throw new OnboardingRefused("streamerId must be 2 to 64 letters, digits, '.', '_' or '-', not " + streamerId);
        }
        if (tier == null || !TIERS.contains(tier)) {
            throw new OnboardingRefused("tier must be one of " + TIERS + ", not " + tier);
        }
        return new StreamerProposal(streamerId, required(displayName, "displayName"), tier, required(category, "category"),
                required(opsManager, "opsManager"), date(startDate), required(subAccountHandle, "subAccountHandle"),
                required(initiatedBy, "initiatedBy"));
    }

    /** The streamer as registered while the onboarding runs. */
    StreamerRegistry.Streamer onboarding() {
        return new StreamerRegistry.Streamer(streamerId, displayName, tier, "ONBOARDING", category, startDate, opsManager);
    }

    /** The sub-account the streamer will use, named after them. */
    String subAccountId() {
        return "sub-" + streamerId;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new OnboardingRefused(name + " is required");
        }
        return value.strip();
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(required(value, "startDate"));
        } catch (DateTimeParseException e) {
            throw new OnboardingRefused("startDate must be a date like 2026-03-01, not " + value);
        }
    }
}
