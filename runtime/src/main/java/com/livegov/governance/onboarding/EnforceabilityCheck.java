package com.livegov.governance.onboarding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.decisions.DecisionCaller;
import com.livegov.governance.decisions.DecisionOutcome;
import com.livegov.governance.decisions.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Whether drafted contract terms would hold: the OffboardingTerms decision (owned by legal and HR) is evaluated
 * on the draft, through {@link DecisionService}, which records the evaluation. The decision's thresholds stay in
 * the table: a non-compete of 12 to 24 months, a compensation of at least its minimum (30 % of the average
 * monthly income), liquidated damages of 2 to 3 times the annual revenue. The draft must also hold the
 * ownership clause and the confidentiality list. Every shortfall becomes a reason in words, for HR.
 */
@Component
class EnforceabilityCheck {

    static final String DECISION = "OffboardingTerms";
    /** The clauses are written for the streamer leaving during the contract. */
    private static final String DEPARTURE_REASON = "RESIGNATION";

    private final DecisionService decisions;

    EnforceabilityCheck(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The check's answer, with the recorded evaluation it rests on. */
    record Verdict(boolean enforceable, List<String> problems, long evaluationId, String version, String summary) {
    }

    Verdict check(ContractTerms terms, DecisionCaller caller) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("departureReason", DEPARTURE_REASON);
        inputs.put("requestedNonCompeteMonths", terms.nonCompeteMonths());
        inputs.put("averageMonthlyIncome", terms.averageMonthlyIncome());
        inputs.put("annualRevenue", terms.annualRevenue());
        inputs.put("proposedMonthlyCompensation", terms.monthlyCompensation());
        inputs.put("proposedLiquidatedDamagesMultiple", terms.liquidatedDamagesMultiple());
        inputs.put("ipInvestment", terms.ipInvestment());
        DecisionOutcome outcome = decisions.evaluate(DECISION, inputs, caller);
        Map<?, ?> decided = (Map<?, ?>) outcome.outputs().get(DECISION);

        List<String> problems = new ArrayList<>();
        BigDecimal months = (BigDecimal) decided.get("nonCompeteMonths");
        if (months.compareTo(BigDecimal.valueOf(terms.nonCompeteMonths())) != 0) {
            problems.add("A non-compete of " + terms.nonCompeteMonths() + " months is not enforceable; the terms allow "
                    + months.toPlainString() + " months.");
        }
        if (!Boolean.TRUE.equals(decided.get("proposedCompensationEnforceable"))) {
            problems.add("The non-compete compensation of " + money(terms.monthlyCompensation()) + " a month is below the enforceable minimum of "
                    + money(decided.get("minimumMonthlyCompensation")) + ".");
        }
        if (!Boolean.TRUE.equals(decided.get("proposedDamagesEnforceable"))) {
            problems.add("Liquidated damages of " + plain(ContractTerms.decimal(terms.liquidatedDamagesMultiple()))
                    + " times the annual revenue are not enforceable; they must be " + plain(decided.get("minimumLiquidatedDamagesMultiple"))
                    + " to " + plain(decided.get("maximumLiquidatedDamagesMultiple")) + " times.");
        }
        if (!Boolean.TRUE.equals(terms.ownershipClause())) {
            problems.add("The ownership clause is missing: the company owns its accounts, the sub-account is authorized use only, "
                    + "and the IP belongs to " + decided.get("ipOwnership") + ".");
        }
        if (!Boolean.TRUE.equals(terms.confidentialityList())) {
            problems.add("The confidentiality list is missing: " + decided.get("confidentialInformation") + ".");
        }
        String summary = (problems.isEmpty() ? "Enforceable" : "Not enforceable") + " under " + DECISION + " version "
                + outcome.version().substring(0, 12) + " (evaluation " + outcome.evaluationId() + "): minimum compensation "
                + money(decided.get("minimumMonthlyCompensation")) + " a month, IP owner " + decided.get("ipOwnership") + ".";
        return new Verdict(problems.isEmpty(), List.copyOf(problems), outcome.evaluationId(), outcome.version(), summary);
    }

    private static String money(Object amount) {
        BigDecimal decimal = amount instanceof Double number ? ContractTerms.decimal(number) : (BigDecimal) amount;
        return decimal.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String plain(Object number) {
        return number instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : String.valueOf(number);
    }
}
