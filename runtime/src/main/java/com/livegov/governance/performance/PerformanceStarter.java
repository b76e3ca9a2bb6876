package com.livegov.governance.performance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.config.AtomicProcessStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the assessment of a month, for HR's API and for the monthly schedule, all or nothing: in one transaction the
 * month is claimed and every active streamer's assessment ({@code performanceAssessment}) is started and scored. A
 * month that cannot be assessed (not ended, scores missing, assessed already) keeps nothing and the refusal goes to
 * the caller.
 */
@Component
class PerformanceStarter {

    private static final Logger LOG = LoggerFactory.getLogger(PerformanceStarter.class);
    static final String SCHEDULE = "schedule";

    private final AtomicProcessStart starts;
    private final PerformanceFigures figures;
    private final PerformanceLedger ledger;
    private final PerformanceProperties properties;
    private final TransactionTemplate transaction;

    PerformanceStarter(AtomicProcessStart starts, PerformanceFigures figures, PerformanceLedger ledger, PerformanceProperties properties,
            PlatformTransactionManager transactions) {
        this.starts = starts;
        this.figures = figures;
        this.ledger = ledger;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @return the assessments' ids (their process instance ids), one per streamer
     * @throws PerformanceConflict when the month is assessed already
     * @throws PerformanceRefused when the month cannot be assessed as asked
     */
    List<String> start(String month, String startedBy) {
        AssessedMonth assessed = AssessedMonth.parse(month);
        if (!assessed.hasEnded(properties.zone())) {
            throw new PerformanceRefused(month + " has not ended yet; a month is assessed after its last day");
        }
        if (startedBy == null || startedBy.isBlank()) {
            throw new PerformanceRefused("startedBy is required: who starts the assessment");
        }
        return transaction.execute(status -> {
            figures.lockMonth(assessed);
            List<PerformanceFigures.Eligible> streamers = figures.eligible(assessed);
            if (streamers.isEmpty()) {
                throw new PerformanceRefused("No active streamer to assess for " + month);
            }
            Map<String, IndicatorScores> loaded = figures.of(assessed);
            List<String> missing = streamers.stream().map(PerformanceFigures.Eligible::streamerId).filter(id -> !loaded.containsKey(id)).toList();
            ledger.claim(assessed, startedBy, streamers.size());
            if (!missing.isEmpty()) {
                throw new PerformanceRefused("The scores of " + month + " are missing for " + String.join(", ", missing)
                        + "; load them first (POST /performance-assessments/figures/" + month + ")");
            }
            List<String> ids = new ArrayList<>();
            for (PerformanceFigures.Eligible streamer : streamers) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("month", assessed.toString());
                variables.put("streamerId", streamer.streamerId());
                variables.put("opsManager", streamer.opsManager());
                variables.put("startedBy", startedBy);
                ids.add(starts.start(PerformanceAssessment.PROCESS_ID, variables, List.of(PerformanceRefused.class)));
            }
            return ids;
        });
    }

    /** The scheduled run: assesses the previous month; a month that cannot be assessed now is logged, not retried. */
    void startPreviousMonth() {
        AssessedMonth month = AssessedMonth.previous(properties.zone());
        try {
            List<String> ids = start(month.toString(), SCHEDULE);
            LOG.info("Monthly schedule started the performance assessment of {} ({} streamers)", month, ids.size());
        } catch (PerformanceConflict e) {
            LOG.info("Monthly schedule: {}", e.getMessage());
        } catch (PerformanceRefused e) {
            LOG.warn("Monthly schedule could not assess {}: {}. Start it with POST /performance-assessments once it can be assessed.",
                    month, e.getMessage());
        }
    }
}
