package com.livegov.governance.review;

import java.util.HashMap;
import java.util.Map;

import com.livegov.governance.accounts.AccountAction;
import com.livegov.governance.approval.AccountActionApproval;
import org.kie.kogito.Model;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.Processes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Requests a downgrade the ops-manager asked for: starts the account-action approval ({@code accountActionApproval})
 * with {@code DOWNGRADE_PERMISSIONS} to the baseline level, requested by the ops-manager. The approval is started in
 * the review's unit of work (as a call activity would be), so the answer and the request commit together; from then
 * on it runs on its own, level by level, and executes the downgrade through {@code AccountActions} once approved.
 */
@Component
class DowngradeRequests {

    private final ObjectProvider<Processes> processes;

    DowngradeRequests(ObjectProvider<Processes> processes) {
        this.processes = processes;
    }

    /** @return the approval's process instance id */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    String request(ReviewRecords.OpenDeviation deviation, String requestedBy, String quarter) {
        Process approval = processes.getObject().processById(AccountActionApproval.PROCESS_ID);
        Map<String, Object> request = new HashMap<>();
        request.put("action", AccountAction.DOWNGRADE_PERMISSIONS.name());
        request.put("severity", "NONE");
        request.put("accountKind", deviation.accountKind());
        request.put("subject", deviation.accountId());
        request.put("parameters", new HashMap<>(Map.of("level", deviation.expectedLevel())));
        request.put("reason", "Permission review " + quarter + ", deviation " + deviation.number() + ": " + deviation.summary());
        request.put("requestedBy", requestedBy);
        Model model = (Model) approval.createModel();
        model.update(request);
        ProcessInstance<?> instance = approval.createInstance(model);
        instance.start();
        instance.checkError();
        return instance.id();
    }
}
