package com.livegov.governance.taskcontext;

import java.util.LinkedHashMap;
import java.util.Map;

import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import org.kie.kogito.usertask.UserTaskEventListener;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.events.UserTaskCommentEvent;
import org.kie.kogito.usertask.model.Comment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records every comment added to, changed on or removed from a task in the audit trail, whichever endpoint
 * did it (ours or Kogito's), in the transaction of the change. The actor is the login; without one, the
 * comment's author.
 */
@Component
class TaskCommentAudit implements UserTaskEventListener {

    private final AuditTrail audit;

    TaskCommentAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void onUserTaskCommentAdded(UserTaskCommentEvent event) {
        record(event, "ADDED", event.getNewComment());
    }

    @Override
    public void onUserTaskCommentChange(UserTaskCommentEvent event) {
        record(event, "CHANGED", event.getNewComment());
    }

    @Override
    public void onUserTaskCommentDeleted(UserTaskCommentEvent event) {
        record(event, "REMOVED", event.getOldComment());
    }

    private void record(UserTaskCommentEvent event, String change, Comment comment) {
        UserTaskInstance task = event.getUserTaskInstance();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("change", change);
        details.put("commentId", comment == null ? null : comment.getId());
        details.put("text", comment == null ? null : comment.getContent());
        if (event.getOldComment() != null && comment != event.getOldComment()) {
            details.put("previousText", event.getOldComment().getContent());
        }
        details.put("taskName", task.getTaskName());
        details.put("element", task.getUserTaskId());
        details.put("processId", task.getMetadata().get("ProcessId"));
        AuditEntry entry = AuditEntry.of(AuditAction.TASK_COMMENTED, actor(comment), AuditTarget.task(task.getId()), null)
                .withDetails(details);
        Object processInstanceId = task.getMetadata().get("ProcessInstanceId");
        audit.record(processInstanceId == null ? entry : entry.inProcess(processInstanceId.toString()));
    }

    private static String actor(Comment comment) {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login != null && login.isAuthenticated() && !(login instanceof AnonymousAuthenticationToken)) {
            return login.getName();
        }
        return comment != null && comment.getUpdatedBy() != null && !comment.getUpdatedBy().isBlank() ? comment.getUpdatedBy() : "system";
    }
}
