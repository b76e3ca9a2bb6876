package com.livegov.governance.traffic;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The period metrics of one streamer, as posted to {@code POST /traffic-alerts}, checked field by field: every
 * field known and of its type, the period ending after it starts, rates within 0 to 100 %, counts whole and
 * not negative. Rates are percentages ({@code 12.5} = 12.5 %); a negative interaction drop is a rise.
 */
record AlertReport(String streamerId, OffsetDateTime periodStart, OffsetDateTime periodEnd, BigDecimal fanLossRate,
        BigDecimal interactionDrop, BigDecimal otherAccountMentions, String reportedBy) {

    static final String DEFAULT_REPORTER = "traffic-monitor";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final List<String> FIELDS = List.of("streamerId", "periodStart", "periodEnd", "fanLossRate", "interactionDrop",
            "otherAccountMentions", "reportedBy");

    static AlertReport from(Map<String, Object> body) {
        for (String name : body.keySet()) {
            if (!FIELDS.contains(name)) {
                throw invalid(name, "'" + name + "' is not a field of a traffic alert; the fields are " + FIELDS);
            }
        }
        OffsetDateTime start = time(body, "periodStart");
        OffsetDateTime end = time(body, "periodEnd");
        if (!end.isAfter(start)) {
            throw invalid("periodEnd", "periodEnd must be after periodStart (" + start + "), not " + end);
        }
        BigDecimal fanLoss = number(body, "fanLossRate");
        if (fanLoss.signum() < 0 || fanLoss.compareTo(HUNDRED) > 0) {
            throw invalid("fanLossRate", "fanLossRate is a percentage from 0 to 100, not " + fanLoss);
        }
        BigDecimal interactionDrop = number(body, "interactionDrop");
        if (interactionDrop.compareTo(HUNDRED) > 0) {
            throw invalid("interactionDrop", "interactionDrop cannot exceed 100 %, not " + interactionDrop);
        }
        BigDecimal mentions = number(body, "otherAccountMentions");
        if (mentions.signum() < 0 || mentions.stripTrailingZeros().scale() > 0) {
            throw invalid("otherAccountMentions", "otherAccountMentions must be a whole number, 0 or more, not " + mentions);
        }
        Object reporter = body.get("reportedBy");
        if (reporter != null && !(reporter instanceof String text && !text.isBlank())) {
            throw invalid("reportedBy", "reportedBy must be a name, not " + reporter);
        }
        return new AlertReport(text(body, "streamerId"), start, end, fanLoss, interactionDrop, mentions,
                reporter == null ? DEFAULT_REPORTER : (String) reporter);
    }

    /** The inputs of the TrafficAlert decision. */
    Map<String, Object> metrics() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("fanLossRate", fanLossRate);
        metrics.put("interactionDrop", interactionDrop);
        metrics.put("otherAccountMentions", otherAccountMentions);
        return metrics;
    }

    /** Whether recorded metrics are these (numbers compared by value: 12.50 is 12.5). */
    boolean sameMetrics(Map<String, Object> recorded) {
        return metrics().entrySet().stream().allMatch(metric -> recorded.get(metric.getKey()) instanceof Number number
                && new BigDecimal(number.toString()).compareTo((BigDecimal) metric.getValue()) == 0);
    }

    private static String text(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid(name, name + " is required" + (value == null ? "" : " as text, not " + value));
        }
        return text;
    }

    private static OffsetDateTime time(Map<String, Object> body, String name) {
        String value = text(body, name);
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, name + " must be an ISO-8601 date and time with offset (2026-11-01T00:00:00Z), not " + value);
        }
    }

    private static BigDecimal number(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value == null) {
            throw invalid(name, name + " is required");
        }
        if (!(value instanceof Number number)) {
            throw invalid(name, name + " must be a number, not " + value);
        }
        return new BigDecimal(number.toString());
    }

    private static AlertProblem invalid(String field, String message) {
        return new AlertProblem(AlertProblem.Kind.INVALID, field, message);
    }
}
