package com.livegov.governance.review;

import java.util.List;
import java.util.Map;

import com.livegov.governance.inbox.TaskForms;
import com.livegov.governance.inbox.TaskSubmissionRule;
import org.kie.kogito.usertask.UserTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Checks the one answer of the review task that its form cannot: the {@code downgrade} field must name deviations
 * of the task's own list ({@code "1, 3"}). A completion (or outputs) naming anything else answers 400 like any
 * other refused field, and the task stays open. Only a value sent now is checked: one set earlier through the
 * outputs was checked when it was set; a value of the wrong type is the form check's to refuse.
 */
@Component
class ReviewAnswerCheck implements TaskSubmissionRule {

    static final String FIELD = "downgrade";

    @Override
    public List<TaskForms.FieldError> check(UserTaskInstance task, Map<String, Object> data, boolean completing) {
        if (!isReviewTask(task) || !(data.get(FIELD) instanceof String answer)) {
            return List.of();
        }
        return DowngradeAnswer.problem(answer, deviationCount(task)).map(problem -> List.of(new TaskForms.FieldError(FIELD, problem)))
                .orElse(List.of());
    }

    private static boolean isReviewTask(UserTaskInstance task) {
        return PermissionReview.REVIEW_TASK.equals(task.getTaskName())
                && PermissionReview.PROCESS_ID.equals(task.getMetadata().get("ProcessId"));
    }

    private static int deviationCount(UserTaskInstance task) {
        return task.getInputs().get("deviationList") instanceof Map<?, ?> list && list.get(ReviewSteps.DEVIATION_ITEMS) instanceof List<?> items
                ? items.size() : 0;
    }
}
