package com.livegov.governance.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.livegov.governance.decisions.DecisionCaller;
import org.kie.kogito.internal.process.runtime.KogitoProcessContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The automated steps of the permission review: {@code Task_OpenReview} claims the quarter,
 * {@code Task_FindDeviations} compares every active streamer's grants with the baseline,
 * {@code Task_ListDeviations} gives one ops-manager's list to their task, {@code Task_RecordAnswers} records their
 * answer and requests each downgrade through the approval, {@code Task_CloseReview} closes the review.
 *
 * <p>Kogito's generated handler also needs a public no-argument constructor; an instance made that way has no
 * database and refuses to work.
 */
@Component
public class ReviewSteps {

    static final String CONFIRMED = "CONFIRMED";
    static final String DOWNGRADE_REQUESTED = "DOWNGRADE_REQUESTED";
    static final String DOWNGRADE_NOT_POSSIBLE = "DOWNGRADE_NOT_POSSIBLE";
    /** The deviations in the task's {@code deviationList}. */
    static final String DEVIATION_ITEMS = "items";
    /** Account states in which no action, a downgrade included, can be taken any more. */
    private static final Set<String> CLOSED_FOR_GOOD = Set.of("CANCELLED", "RECLAIMED");

    private final ReviewRecords records;
    private final BaselineComparison comparison;
    private final DowngradeRequests downgrades;
    private final ReviewProperties properties;

    public ReviewSteps() {
        this(null, null, null, null);
    }

    @Autowired
    public ReviewSteps(ReviewRecords records, BaselineComparison comparison, DowngradeRequests downgrades, ReviewProperties properties) {
        this.records = records;
        this.comparison = comparison;
        this.downgrades = downgrades;
        this.properties = properties;
    }

    /**
     * Claims the quarter for this review: by default the quarter under way; a past quarter whose review was missed
     * may be reviewed late; a quarter that has not begun may not.
     *
     * @return the quarter reviewed
     * @throws ReviewRefused when the request cannot be taken
     * @throws ReviewConflict when the quarter has a review already
     */
    public String open(String quarter, String startedBy, KogitoProcessContext context) {
        if (startedBy == null || startedBy.isBlank()) {
            throw new ReviewRefused("startedBy is required: who starts the review");
        }
        ReviewQuarter current = ReviewQuarter.current(properties().zone());
        ReviewQuarter reviewed = quarter == null || quarter.isBlank() ? current : ReviewQuarter.parse(quarter);
        if (reviewed.compareTo(current) > 0) {
            throw new ReviewRefused(reviewed + " has not begun: the quarter under way is " + current);
        }
        Optional<String> existing = records().reviewOf(reviewed.toString());
        if (existing.isPresent()) {
            throw new ReviewConflict(reviewed.toString(), existing.get());
        }
        try {
            records().open(reviewId(context), reviewed.toString(), startedBy);
        } catch (DuplicateKeyException e) {
            throw new ReviewConflict(reviewed.toString(), "started by another request at the same moment");
        }
        return reviewed.toString();
    }

    /** Compares every active streamer's grants with the baseline; answers the ops-managers who have deviations to review. */
    public List<String> findDeviations(String quarter, KogitoProcessContext context) {
        String reviewId = reviewId(context);
        DecisionCaller caller = DecisionCaller.process(PermissionReview.PROCESS_ID, reviewId);
        Map<String, Integer> numbered = new HashMap<>();
        int streamers = 0;
        int grants = 0;
        for (ReviewedStreamer streamer : records().activeStreamers()) {
            List<ReviewedStreamer.Grant> held = records().activeGrants(streamer.id());
            int found = 0;
            for (ReviewedStreamer.Grant grant : held) {
                Optional<Deviation> deviation = comparison.compare(streamer, grant, caller);
                if (deviation.isPresent()) {
                    records().recordDeviation(reviewId, numbered.merge(streamer.opsManager(), 1, Integer::sum), deviation.get());
                    found++;
                }
            }
            records().recordStreamer(reviewId, streamer, held.size(), found);
            streamers++;
            grants += held.size();
        }
        int deviations = numbered.values().stream().mapToInt(Integer::intValue).sum();
        records().recordComparison(reviewId, streamers, grants, deviations);
        return new ArrayList<>(new TreeSet<>(numbered.keySet()));
    }

    /**
     * The ops-manager's deviations, numbered, for their task's form: {@code items} (one map per deviation) and
     * {@code count}. A map, because Kogito 10.1 cannot store a process variable that is a list of maps.
     */
    public Map<String, Object> listDeviations(String opsManager, KogitoProcessContext context) {
        List<Map<String, Object>> items = new ArrayList<>(records().taskList(reviewId(context), opsManager));
        Map<String, Object> list = new HashMap<>();
        list.put(DEVIATION_ITEMS, items);
        list.put("count", items.size());
        return list;
    }

    /**
     * Records the ops-manager's answer: each deviation named in {@code downgrade} gets an approval request for a
     * downgrade to the baseline level (requested by whoever answered the task), every other one is confirmed.
     */
    public void recordAnswers(String opsManager, String reviewedBy, String downgrade, String comment, String quarter,
            KogitoProcessContext context) {
        String reviewId = reviewId(context);
        List<ReviewRecords.OpenDeviation> deviations = records().deviationsOf(reviewId, opsManager);
        // checked when the task was completed (ReviewAnswerCheck); a failure here is a defect, not the user's
        Set<Integer> toDowngrade = DowngradeAnswer.parse(downgrade, deviations.size());
        String answeredBy = reviewedBy == null || reviewedBy.isBlank() ? opsManager : reviewedBy;
        for (ReviewRecords.OpenDeviation deviation : deviations) {
            if (!toDowngrade.contains(deviation.number())) {
                records().answer(deviation.id(), CONFIRMED, answeredBy, comment, null);
            } else if (CLOSED_FOR_GOOD.contains(records().accountStatus(deviation.accountId()))) {
                records().answer(deviation.id(), DOWNGRADE_NOT_POSSIBLE, answeredBy, comment, null);
            } else {
                String approval = downgrades.request(deviation, answeredBy, quarter);
                records().answer(deviation.id(), DOWNGRADE_REQUESTED, answeredBy, comment, approval);
            }
        }
    }

    /** Every ops-manager has answered (or there was nothing to answer). */
    public void close(String quarter, KogitoProcessContext context) {
        records().complete(reviewId(context));
    }

    private static String reviewId(KogitoProcessContext context) {
        return context.getProcessInstance().getStringId();
    }

    private ReviewRecords records() {
        if (records == null) {
            throw new IllegalStateException("ReviewSteps was created without its database");
        }
        return records;
    }

    private ReviewProperties properties() {
        return properties != null ? properties : new ReviewProperties(null, null);
    }
}
