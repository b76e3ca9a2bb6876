package com.livegov.governance.violations;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.offboarding.StreamerOffboarding;
import org.kie.kogito.internal.process.runtime.KogitoProcessContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The steps that open, decide and close a violation case ({@code Task_OpenCase}, {@code Task_RecordDecision},
 * {@code Task_StartOffboarding}, {@code Task_Close*}). Opening checks the report in the start request, so a bad
 * report answers 400 and leaves nothing; the severity itself is the ViolationSeverity decision's.
 *
 * <p>The length of one day of suspension is {@code governance.violation.suspension-day} (P1D; seconds in
 * tests), so the timer that restores live streaming can be tested without waiting days.
 *
 * <p>Kogito's generated handler also needs a public no-argument constructor; an instance made that way has
 * no database and refuses to work.
 */
@Component
public class ViolationCase {

    static final String SEVERITY_MODEL = "ViolationSeverity";
    /** A moderate violation's downgrade: the basic streamer level, without data export. */
    static final String DOWNGRADE_LEVEL = "STREAMER_BASIC";
    private static final String DISMISSAL = "DISMISSAL_FOR_CAUSE";

    private final JdbcTemplate jdbc;
    private final ViolationRecords records;
    private final ProcessStarts starts;
    private final Duration suspensionDay;

    public ViolationCase() {
        this(null, null, null, Duration.ofDays(1));
    }

    @Autowired
    public ViolationCase(JdbcTemplate jdbc, ViolationRecords records, ProcessStarts starts,
            @Value("${governance.violation.suspension-day:P1D}") Duration suspensionDay) {
        this.jdbc = jdbc;
        this.records = records;
        this.starts = starts;
        this.suspensionDay = suspensionDay;
    }

    /**
     * Checks the report and records the violation. Answers the streamer's active sub-accounts (what a measure
     * acts on) and the prior violations: the larger of those the report gives (for example from before this
     * system) and those recorded here in the last 12 months.
     */
    public Map<String, Object> openCase(String streamerId, String violationKind, String source, String reportedBy,
            String sourceReference, Map<String, Object> evidence, Integer priorViolations, KogitoProcessContext context) {
        requireText("streamerId", streamerId);
        requireText("violationKind", violationKind);
        requireText("reportedBy", reportedBy);
        if (source == null || !ViolationEscalation.SOURCES.contains(source)) {
            throw new ViolationRefused("source must be one of " + ViolationEscalation.SOURCES + ", not " + source);
        }
        if (evidence == null || evidence.isEmpty()) {
            throw new ViolationRefused("evidence is required: what was seen, where and when");
        }
        if (priorViolations != null && priorViolations < 0) {
            throw new ViolationRefused("priorViolations must not be negative, not " + priorViolations);
        }
        List<String> status = db().queryForList("select status from governance.streamers where id = ?", String.class, streamerId);
        if (status.isEmpty()) {
            throw new ViolationRefused("No streamer " + streamerId);
        }
        if (status.get(0).equals("OFFBOARDED")) {
            throw new ViolationRefused(streamerId + " is offboarded; a violation can no longer be escalated");
        }
        String violationId = processInstanceId(context);
        int prior = Math.max(priorViolations == null ? 0 : priorViolations, records().violationsInLastYear(streamerId, violationId));
        records().open(violationId, new ViolationRecords.Report(streamerId, violationKind, reportedBy, source, sourceReference, evidence, prior));
        List<String> subAccounts = db().queryForList("""
                select id from governance.accounts where authorized_streamer = ? and kind = 'SUB_ACCOUNT' and status = 'ACTIVE'
                order by id""", String.class, streamerId);
        return Map.of("subAccounts", subAccounts, "priorViolations", prior);
    }

    /**
     * Records the severity decision with its evaluation and table version, and derives what the measures need:
     * the suspension's parameters and length, the downgrade's parameters, and the reason the approvers read
     * (which names the fine: the fine is imposed with the suspension's approval).
     */
    public Map<String, Object> recordDecision(String severity, Map<String, Object> measures, KogitoProcessContext context) {
        String violationId = processInstanceId(context);
        Map<String, Object> evaluation = records().evaluationBy(violationId, SEVERITY_MODEL)
                .orElseThrow(() -> new IllegalStateException("No recorded " + SEVERITY_MODEL + " evaluation for " + violationId));
        BigDecimal fine = number(measures, "fine");
        int days = number(measures, "suspensionDays").intValueExact();
        records().decide(violationId, new ViolationRecords.Decision(severity, ((Number) evaluation.get("id")).longValue(),
                (String) evaluation.get("version"), measures, fine, fine.signum() > 0 ? "AWAITING_APPROVAL" : "NONE"));
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put("suspensionParameters", Map.of("suspensionDays", days));
        derived.put("suspensionLength", days > 0 ? suspensionDay.multipliedBy(days).toString() : null);
        derived.put("downgradeParameters", Map.of("level", DOWNGRADE_LEVEL));
        derived.put("approvalReason", reason(violationId, severity, days, fine));
        return derived;
    }

    /**
     * The severe case ends the cooperation: the offboarding starts now, for cause, with the figures HR entered
     * (the offboarding's terms decision checks them). The case closes with the offboarding's id; the offboarding
     * then runs its own 24 hours.
     */
    public Map<String, Object> startOffboarding(String streamerId, Double averageMonthlyIncome, Double annualRevenue,
            Integer requestedNonCompeteMonths, String ipInvestment, KogitoProcessContext context) {
        String violationId = processInstanceId(context);
        String underWay = records().offboardingOf(streamerId);
        if (underWay != null) {
            // the streamer is leaving or has left already: the case points at that offboarding, none is started twice
            records().offboarding(violationId, underWay);
            records().outcome(violationId, "ALREADY_OFFBOARDING", true);
            return Map.of("offboardingId", underWay);
        }
        Map<String, Object> departure = new HashMap<>();
        departure.put("streamerId", streamerId);
        departure.put("departureTime", Instant.now().toString());
        departure.put("departureReason", DISMISSAL);
        departure.put("initiatedBy", "violation " + violationId);
        departure.put("averageMonthlyIncome", averageMonthlyIncome);
        departure.put("annualRevenue", annualRevenue);
        departure.put("requestedNonCompeteMonths", requestedNonCompeteMonths);
        departure.put("ipInvestment", ipInvestment);
        String offboardingId = starts().start(StreamerOffboarding.PROCESS_ID, departure);
        records().offboarding(violationId, offboardingId);
        records().outcome(violationId, "OFFBOARDING_STARTED", true);
        return Map.of("offboardingId", offboardingId);
    }

    /** Closes the case with its outcome. */
    public void close(String outcome, KogitoProcessContext context) {
        records().outcome(processInstanceId(context), outcome, true);
    }

    private static String reason(String violationId, String severity, int days, BigDecimal fine) {
        StringBuilder reason = new StringBuilder("Violation " + violationId + ", severity " + severity);
        if (days > 0) {
            reason.append(": live streaming suspended for ").append(days).append(days == 1 ? " day" : " days")
                    .append(", permissions downgraded to ").append(DOWNGRADE_LEVEL);
        }
        if (fine.signum() > 0) {
            reason.append(", fine ").append(fine.toPlainString()).append(" (imposed when the suspension is approved)");
        }
        return reason.toString();
    }

    private static BigDecimal number(Map<String, Object> measures, String key) {
        Object value = measures == null ? null : measures.get(key);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("The " + SEVERITY_MODEL + " decision gave no " + key);
        }
        return new BigDecimal(number.toString());
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ViolationRefused(name + " is required");
        }
    }

    private static String processInstanceId(KogitoProcessContext context) {
        return context.getProcessInstance().getStringId();
    }

    private JdbcTemplate db() {
        return require(jdbc);
    }

    private ProcessStarts starts() {
        return require(starts);
    }

    private ViolationRecords records() {
        return require(records);
    }

    private static <T> T require(T collaborator) {
        if (collaborator == null) {
            throw new IllegalStateException("ViolationCase was created without its collaborators");
        }
        return collaborator;
    }
}
