package com.livegov.governance.start;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An offboarding, as typed: the streamer, when they left (a {@code datetime-local} in the company's zone), why, and
 * the inputs of the OffboardingTerms decision ({@code rules/offboarding-terms}). Who starts it is the login.
 */
record OffboardingForm(String streamerId, String departureTime, String departureReason, String requestedNonCompeteMonths,
        String averageMonthlyIncome, String annualRevenue, String ipInvestment) {

    /** The reasons the OffboardingTerms decision allows ({@code DepartureReason}). */
    static final List<String> REASONS = List.of("RESIGNATION", "CONTRACT_END", "MUTUAL_AGREEMENT", "DISMISSAL_FOR_CAUSE");
    /** Who paid for the streamer's intellectual property ({@code IpInvestment}). */
    static final List<String> IP_INVESTMENTS = List.of("COMPANY_FUNDED", "STREAMER_DRIVEN");
    /** The decision's inputs, the fields a refusal of the decision can name. */
    static final List<String> DECISION_INPUTS = List.of("departureReason", "requestedNonCompeteMonths", "averageMonthlyIncome",
            "annualRevenue", "ipInvestment");
    static final int ID_MAX = 200;

    /** An empty form on the streamer given, if any, departing at the time given (now, as the input shows it). */
    static OffboardingForm on(String streamerId, String departureTime) {
        return new OffboardingForm(streamerId, departureTime, null, "12", null, null, "COMPANY_FUNDED");
    }

    /** The start variables of {@code streamerOffboarding}, the errors noted for every field that is wrong. */
    Map<String, Object> variables(FormErrors errors, ZoneId zone) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("streamerId", errors.text("streamerId", streamerId, ID_MAX));
        variables.put("departureTime", departure(errors, zone));
        variables.put("departureReason", errors.choice("departureReason", departureReason, REASONS));
        variables.put("requestedNonCompeteMonths", errors.wholeNumber("requestedNonCompeteMonths", requestedNonCompeteMonths, 0));
        variables.put("averageMonthlyIncome", errors.amount("averageMonthlyIncome", averageMonthlyIncome));
        variables.put("annualRevenue", errors.amount("annualRevenue", annualRevenue));
        variables.put("ipInvestment", errors.choice("ipInvestment", ipInvestment, IP_INVESTMENTS));
        return variables;
    }

    /** The departure as the process reads it: ISO-8601 with the company zone's offset at that time. */
    private String departure(FormErrors errors, ZoneId zone) {
        if (departureTime == null || departureTime.isBlank()) {
            errors.add("departureTime", "start.error.required");
            return null;
        }
        try {
            return LocalDateTime.parse(departureTime.strip()).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            errors.add("departureTime", "start.error.dateTime");
            return null;
        }
    }
}
