package com.livegov.governance.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.livegov.governance.config.AtomicProcessStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts a permission review, for the API and for the quarterly schedule, all or nothing (see
 * {@link AtomicProcessStart}): up to the ops-managers' tasks in one transaction. When {@code Task_OpenReview}
 * refuses, nothing is kept and the refusal reaches the caller. The workbench's start page calls it too.
 */
@Component
public class ReviewStarter {

    static final String SCHEDULE = "schedule";
    private static final Logger LOG = LoggerFactory.getLogger(ReviewStarter.class);

    private final AtomicProcessStart starts;
    private final ReviewRecords records;
    private final ReviewProperties properties;

    ReviewStarter(AtomicProcessStart starts, ReviewRecords records, ReviewProperties properties) {
        this.starts = starts;
        this.records = records;
        this.properties = properties;
    }

    /**
     * @param quarter the quarter ({@code 2026-Q4}); null for the quarter under way
     * @return the review's id (its process instance id)
     * @throws ReviewRefused when the review cannot start as asked
     * @throws ReviewConflict when the quarter has a review already
     */
    public String start(String quarter, String startedBy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("quarter", quarter);
        variables.put("startedBy", startedBy);
        return starts.start(PermissionReview.PROCESS_ID, variables, List.of(ReviewRefused.class, ReviewConflict.class));
    }

    /** The scheduled run: reviews the quarter under way, unless it was reviewed already. */
    void startScheduled() {
        String quarter = ReviewQuarter.current(properties.zone()).toString();
        Optional<String> existing = records.reviewOf(quarter);
        if (existing.isPresent()) {
            LOG.info("Quarterly schedule: {} is reviewed already (review {})", quarter, existing.get());
            return;
        }
        try {
            String id = start(null, SCHEDULE);
            LOG.info("The quarterly schedule started permission review {}", id);
        } catch (ReviewConflict e) {
            LOG.info("Quarterly schedule: {}", e.getMessage());
        }
    }
}
