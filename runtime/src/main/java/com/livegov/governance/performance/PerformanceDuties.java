package com.livegov.governance.performance;

import java.util.Optional;

import com.livegov.governance.inbox.TaskDuty;
import org.kie.kogito.usertask.UserTaskInstance;
import org.springframework.stereotype.Component;

/**
 * The review of a streamer's month is the streamer's own ops-manager's: another ops-manager may see the task in the
 * group's list but cannot take or complete it. A streamer without an ops-manager is reviewed by any ops-manager.
 */
@Component
class PerformanceDuties implements TaskDuty {

    static final String REVIEW_TASK = "ReviewPerformance";

    @Override
    public Optional<String> refuse(UserTaskInstance task, String user) {
        if (user == null || !PerformanceAssessment.PROCESS_ID.equals(task.getMetadata().get("ProcessId"))
                || !REVIEW_TASK.equals(task.getTaskName())) {
            return Optional.empty();
        }
        Object opsManager = task.getInputs().get("opsManager");
        if (opsManager instanceof String manager && !manager.isBlank() && !manager.equals(user)) {
            return Optional.of(user + " is not the ops-manager of this streamer; " + manager + " reviews the month");
        }
        return Optional.empty();
    }
}
