package com.livegov.governance.settlement;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One streamer's figures of a month, the inputs of the CommissionSplit decision: own sales, the KPI target,
 * the sales driven to other company accounts, and (optional) the yearly profit pool the dividend is a share of.
 * Amounts are exact decimals in cents: non-negative, at most two decimal places, below a trillion.
 */
record MonthlyFigures(BigDecimal sales, BigDecimal target, BigDecimal trafficSales, BigDecimal profitPool) {

    static final Set<String> FIELDS = Set.of("sales", "target", "trafficSales", "profitPool");
    static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    /**
     * Reads the figures from a request body, adding every refused field to {@code errors} (named with
     * {@code prefix}, such as {@code figures[2].}); returns null when a field was refused.
     */
    static MonthlyFigures read(Map<String, ?> body, String prefix, Set<String> otherFields, List<SettlementRefused.FieldError> errors) {
        int before = errors.size();
        body.keySet().stream().filter(key -> !FIELDS.contains(key) && !otherFields.contains(key)).sorted()
                .forEach(key -> errors.add(new SettlementRefused.FieldError(prefix + key, "is not a field of the monthly figures")));
        BigDecimal sales = amount(body, "sales", true, prefix, errors);
        BigDecimal target = amount(body, "target", true, prefix, errors);
        BigDecimal trafficSales = amount(body, "trafficSales", true, prefix, errors);
        BigDecimal profitPool = amount(body, "profitPool", false, prefix, errors);
        return errors.size() > before ? null : new MonthlyFigures(sales, target, trafficSales, profitPool);
    }

    private static BigDecimal amount(Map<String, ?> body, String field, boolean required, String prefix,
            List<SettlementRefused.FieldError> errors) {
        Object value = body.get(field);
        String name = prefix + field;
        if (value == null) {
            if (required) {
                errors.add(new SettlementRefused.FieldError(name, "is required"));
            }
            return null;
        }
        BigDecimal amount = value instanceof BigDecimal decimal ? decimal
                : value instanceof Integer || value instanceof Long || value instanceof BigInteger ? new BigDecimal(value.toString())
                : null;
        if (amount == null) {
            errors.add(new SettlementRefused.FieldError(name, "must be a number, not " + value));
        } else if (amount.signum() < 0) {
            errors.add(new SettlementRefused.FieldError(name, "must not be negative, not " + amount.toPlainString()));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(new SettlementRefused.FieldError(name, "must be an amount in cents (two decimal places at most), not " + amount.toPlainString()));
        } else if (amount.compareTo(LIMIT) >= 0) {
            errors.add(new SettlementRefused.FieldError(name, "must be below " + LIMIT.toPlainString()));
        } else {
            return amount;
        }
        return null;
    }
}
