package com.livegov.governance.settlement;

import java.util.Optional;

import com.livegov.governance.inbox.TaskDuty;
import org.kie.kogito.usertask.UserTaskInstance;
import org.springframework.stereotype.Component;

/** Four eyes on large payouts: whoever reviewed the settlement for HR cannot also approve it as director. */
@Component
class SettlementDuties implements TaskDuty {

    static final String DIRECTOR_TASK = "ApproveLargePayouts";

    @Override
    public Optional<String> refuse(UserTaskInstance task, String user) {
        if (user == null || !CommissionSettlement.PROCESS_ID.equals(task.getMetadata().get("ProcessId"))
                || !DIRECTOR_TASK.equals(task.getTaskName())) {
            return Optional.empty();
        }
        if (user.equals(task.getInputs().get("hrReviewedBy"))) {
            return Optional.of(user + " reviewed this settlement for HR and cannot also approve it as director");
        }
        return Optional.empty();
    }
}
