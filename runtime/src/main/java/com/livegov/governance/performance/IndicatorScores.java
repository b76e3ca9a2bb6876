package com.livegov.governance.performance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One streamer's scores of a month, the inputs of the PerformanceScore decision: the four indicators, the new
 * products' conversion (only in a month with a new-product push, else null), the team's score and the target. Every
 * score is an exact decimal from 0 to 100 with at most two decimal places.
 */
record IndicatorScores(BigDecimal trafficScore, BigDecimal conversionScore, BigDecimal retentionScore, BigDecimal serviceScore,
        BigDecimal newProductConversionScore, BigDecimal teamScore, BigDecimal target) {

    static final List<String> REQUIRED = List.of("trafficScore", "conversionScore", "retentionScore", "serviceScore", "teamScore", "target");
    static final String OPTIONAL = "newProductConversionScore";
    static final Set<String> FIELDS = Set.of("trafficScore", "conversionScore", "retentionScore", "serviceScore", OPTIONAL, "teamScore",
            "target");
    static final BigDecimal MAX = new BigDecimal("100");

    /** The decision's inputs, by name (the optional one named, as null when not measured). */
    Map<String, Object> inputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("trafficScore", trafficScore);
        inputs.put("conversionScore", conversionScore);
        inputs.put("retentionScore", retentionScore);
        inputs.put("serviceScore", serviceScore);
        inputs.put(OPTIONAL, newProductConversionScore);
        inputs.put("teamScore", teamScore);
        inputs.put("target", target);
        return inputs;
    }

    /**
     * Reads the scores from a request body, adding every refused field to {@code errors} (named with {@code prefix},
     * such as {@code figures[2].}); returns null when a field was refused.
     */
    static IndicatorScores read(Map<String, ?> body, String prefix, Set<String> otherFields, List<PerformanceRefused.FieldError> errors) {
        int before = errors.size();
        body.keySet().stream().filter(key -> !FIELDS.contains(key) && !otherFields.contains(key)).sorted()
                .forEach(key -> errors.add(new PerformanceRefused.FieldError(prefix + key, "is not a field of the monthly scores")));
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (String field : REQUIRED) {
            scores.put(field, score(body, field, true, prefix, errors));
        }
        BigDecimal newProducts = score(body, OPTIONAL, false, prefix, errors);
        return errors.size() > before ? null
                : new IndicatorScores(scores.get("trafficScore"), scores.get("conversionScore"), scores.get("retentionScore"),
                        scores.get("serviceScore"), newProducts, scores.get("teamScore"), scores.get("target"));
    }

    private static BigDecimal score(Map<String, ?> body, String field, boolean required, String prefix,
            List<PerformanceRefused.FieldError> errors) {
        Object value = body.get(field);
        String name = prefix + field;
        if (value == null) {
            if (required) {
                errors.add(new PerformanceRefused.FieldError(name, "is required"));
            }
            return null;
        }
        BigDecimal score = value instanceof BigDecimal decimal ? decimal
                : value instanceof Integer || value instanceof Long || value instanceof BigInteger ? new BigDecimal(value.toString())
                : null;
        String problem = score == null ? "must be a number, not " + value : problem(score);
        if (problem != null) {
            errors.add(new PerformanceRefused.FieldError(name, problem));
            return null;
        }
        return score;
    }

    /** Why a score is refused, or null when it is a score: from 0 to 100, two decimal places at most. */
    static String problem(BigDecimal score) {
        if (score.signum() < 0 || score.compareTo(MAX) > 0) {
            return "must be a score from 0 to 100, not " + score.toPlainString();
        }
        if (score.stripTrailingZeros().scale() > 2) {
            return "must have two decimal places at most, not " + score.toPlainString();
        }
        return null;
    }
}
