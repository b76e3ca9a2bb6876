package com.livegov.governance.onboarding;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of a streamer's contract as HR drafts them.
 *
 * @param nonCompeteMonths how long the streamer may not stream the same category on a competing platform
 * @param monthlyCompensation the non-compete compensation offered per month
 * @param averageMonthlyIncome the streamer's expected average monthly income
 * @param annualRevenue the annual revenue attributed to the streamer, the reference for liquidated damages
 * @param liquidatedDamagesMultiple liquidated damages for a breach, in times the annual revenue
 * @param ipInvestment who invests in the streamer's IP: {@code COMPANY_FUNDED} or {@code STREAMER_DRIVEN}
 * @param ownershipClause whether the contract states that the company owns its accounts, the sub-account is
 *        authorized use only, and who owns the IP
 * @param confidentialityList whether the contract lists the confidential information (customer data,
 *        operating strategy, supply-chain contacts)
 */
record ContractTerms(Integer nonCompeteMonths, Double monthlyCompensation, Double averageMonthlyIncome, Double annualRevenue,
        Double liquidatedDamagesMultiple, String ipInvestment, Boolean ownershipClause, Boolean confidentialityList) {

    static final List<String> IP_INVESTMENTS = List.of("COMPANY_FUNDED", "STREAMER_DRIVEN");

    /** Reads a draft sent as JSON (numbers may arrive as any {@link Number}); refuses what is missing or out of range. */
    static ContractTerms from(Map<String, Object> draft) {
        if (draft == null) {
            throw new OnboardingRefused("terms are required: " + String.join(", ", fieldNames()));
        }
        for (String key : draft.keySet()) {
            if (!fieldNames().contains(key)) {
                throw new OnboardingRefused("terms." + key + " is not a term; the terms are " + fieldNames());
            }
        }
        return new ContractTerms(wholeNumber(draft, "nonCompeteMonths"), amount(draft, "monthlyCompensation"),
                amount(draft, "averageMonthlyIncome"), amount(draft, "annualRevenue"), amount(draft, "liquidatedDamagesMultiple"),
                choice(draft, "ipInvestment"), flag(draft, "ownershipClause"), flag(draft, "confidentialityList"));
    }

    /** The terms as a map, keyed like the process variables and the form fields. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("nonCompeteMonths", nonCompeteMonths);
        map.put("monthlyCompensation", monthlyCompensation);
        map.put("averageMonthlyIncome", averageMonthlyIncome);
        map.put("annualRevenue", annualRevenue);
        map.put("liquidatedDamagesMultiple", liquidatedDamagesMultiple);
        map.put("ipInvestment", ipInvestment);
        map.put("ownershipClause", ownershipClause);
        map.put("confidentialityList", confidentialityList);
        return map;
    }

    /** The terms as checked: every value present (a clause not ticked is absent, not unknown). */
    ContractTerms complete() {
        if (nonCompeteMonths == null || monthlyCompensation == null || averageMonthlyIncome == null || annualRevenue == null
                || liquidatedDamagesMultiple == null || ipInvestment == null) {
            throw new IllegalStateException("The draft is incomplete: " + toMap());
        }
        return new ContractTerms(nonCompeteMonths, monthlyCompensation, averageMonthlyIncome, annualRevenue, liquidatedDamagesMultiple,
                ipInvestment, Boolean.TRUE.equals(ownershipClause), Boolean.TRUE.equals(confidentialityList));
    }

    static BigDecimal decimal(Double value) {
        return BigDecimal.valueOf(value);
    }

    private static List<String> fieldNames() {
        return List.of("nonCompeteMonths", "monthlyCompensation", "averageMonthlyIncome", "annualRevenue", "liquidatedDamagesMultiple",
                "ipInvestment", "ownershipClause", "confidentialityList");
    }

    private static Integer wholeNumber(Map<String, Object> draft, String key) {
        Double number = amount(draft, key);
        if (number != Math.rint(number)) {
            throw new OnboardingRefused("terms." + key + " must be a whole number, not " + draft.get(key));
        }
        return number.intValue();
    }

    private static Double amount(Map<String, Object> draft, String key) {
        Object value = draft.get(key);
        if (!(value instanceof Number number)) {
            throw new OnboardingRefused("terms." + key + " must be a number" + (value == null ? "" : ", not " + value));
        }
        double amount = number.doubleValue();
        if (!Double.isFinite(amount) || amount < 0) {
            throw new OnboardingRefused("terms." + key + " must not be negative: " + value);
        }
        return amount;
    }

    private static String choice(Map<String, Object> draft, String key) {
        Object value = draft.get(key);
        if (value == null || !IP_INVESTMENTS.contains(value)) {
            throw new OnboardingRefused("terms." + key + " must be one of " + IP_INVESTMENTS + ", not " + value);
        }
        return (String) value;
    }

    private static Boolean flag(Map<String, Object> draft, String key) {
        Object value = draft.get(key);
        if (!(value instanceof Boolean flag)) {
            throw new OnboardingRefused("terms." + key + " must be true or false" + (value == null ? "" : ", not " + value));
        }
        return flag;
    }
}
