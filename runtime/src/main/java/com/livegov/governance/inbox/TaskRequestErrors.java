package com.livegov.governance.inbox;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import org.kie.kogito.internal.process.workitem.WorkItemNotFoundException;
import org.kie.kogito.process.ProcessInstanceOptimisticLockingException;
import org.kie.kogito.usertask.UserTaskInstanceNotAuthorizedException;
import org.kie.kogito.usertask.UserTaskInstanceNotFoundException;
import org.kie.kogito.usertask.lifecycle.UserTaskTransitionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers for Kogito's generated user-task endpoint (package {@code org.kie.kogito.app}), which lets its
 * errors through as 500: an unknown task is 404, a task the user may not act on 403, a transition the task's
 * state does not allow (completing a task nobody claimed) 409. No stack trace reaches the client. Every such
 * refusal is recorded in the audit trail.
 *
 * <p>Two requests racing to end one task (two completions, on two replicas or two threads): the later finds the
 * task ended, its work item gone or the process instance changed meanwhile, and answers 409, never 500; a
 * transition asked of a task that has ended (known to the inbox's task index) is 409 too, not 404.
 */
@RestControllerAdvice(basePackages = "org.kie.kogito.app")
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskRequestErrors {

    private static final String INVALID_TRANSITION = "Invalid transition";
    private static final Pattern TASK_PATH = Pattern.compile("^/usertasks/instance/([^/]+)");

    private static final String TASK_ENDED = "Task already ended";
    private static final String TASK_ENDED_DETAIL = "The task was completed or withdrawn meanwhile; nothing was changed";

    private final AuditTrail audit;
    private final JdbcTemplate jdbc;

    TaskRequestErrors(AuditTrail audit, JdbcTemplate jdbc) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(UserTaskInstanceNotFoundException e, HttpServletRequest request) {
        return unknownOrEnded(request);
    }

    /** The task's work item was completed by another request between reading the task and completing it. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> workItemGone(WorkItemNotFoundException e, HttpServletRequest request) {
        return refused(request, HttpStatus.CONFLICT, TASK_ENDED, TASK_ENDED_DETAIL);
    }

    /** Another request changed the process instance (or the task's rows) first; this one was rolled back. */
    @ExceptionHandler({ ProcessInstanceOptimisticLockingException.class, OptimisticLockingFailureException.class })
    ResponseEntity<ProblemDetail> changedMeanwhile(RuntimeException e, HttpServletRequest request) {
        return refused(request, HttpStatus.CONFLICT, "Changed meanwhile",
                "Another request changed this task or its process first; nothing was changed, reload and try again");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notAuthorized(UserTaskInstanceNotAuthorizedException e, HttpServletRequest request) {
        return refused(request, HttpStatus.FORBIDDEN, "Not your task", "This task is not assigned to you or your groups");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> transitionRefused(UserTaskTransitionException e, HttpServletRequest request) {
        return refused(request, HttpStatus.CONFLICT, "Transition not possible", e.getMessage());
    }

    /**
     * A body the endpoint cannot read (malformed JSON, an array or a string where an object is expected, a wrong
     * type): without this the RuntimeException handler below would let it through to Spring's default answer, which
     * is not a problem document.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return refused(request, HttpStatus.BAD_REQUEST, "Unreadable request body",
                "The request body is not the JSON object this endpoint takes");
    }

    /** Kogito's inputs and outputs endpoints parse their body themselves and let the parser's error through. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unparsable(JsonProcessingException e, HttpServletRequest request) {
        return refused(request, HttpStatus.BAD_REQUEST, "Unreadable request body",
                "The request body is not the JSON object this endpoint takes");
    }

    /** Kogito 10.1.0 reports a transition its lifecycle does not allow as a bare RuntimeException. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> failed(RuntimeException e, HttpServletRequest request) {
        if (e.getMessage() != null && e.getMessage().startsWith(INVALID_TRANSITION)) {
            return refused(request, HttpStatus.CONFLICT, "Transition not possible",
                    e.getMessage() + "; claim the task before completing it");
        }
        throw e;
    }

    /** The endpoint's own "not found" (a task that is gone, or not visible to the user). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> answered(ResponseStatusException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        if (status == HttpStatus.NOT_FOUND) {
            return unknownOrEnded(request);
        }
        return refused(request, status, status == HttpStatus.NOT_FOUND ? "Unknown task" : status.getReasonPhrase(),
                status == HttpStatus.NOT_FOUND ? "No such task" : status.getReasonPhrase());
    }

    /** 404 for a task never known; 409 for a transition asked of a task that has ended. */
    private ResponseEntity<ProblemDetail> unknownOrEnded(HttpServletRequest request) {
        Optional<String> task = taskOf(request);
        if (task.isPresent() && "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/transition")) {
            Integer ended = jdbc.queryForObject("select count(*) from governance.task_index where task_id = ? and ended_at is not null",
                    Integer.class, task.get());
            if (ended != null && ended > 0) {
                return refused(request, HttpStatus.CONFLICT, TASK_ENDED, TASK_ENDED_DETAIL);
            }
        }
        return refused(request, HttpStatus.NOT_FOUND, "Unknown task", "No such task");
    }

    /**
     * The answer, labelled as a problem document explicitly (the generated endpoint declares
     * {@code application/json} only), and its record in the audit trail.
     */
    private ResponseEntity<ProblemDetail> refused(HttpServletRequest request, HttpStatus status, String title, String detail) {
        audit.recordRefusal(request, status, taskOf(request).map(AuditTarget::task).orElse(null), title + ": " + detail, Map.of());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static Optional<String> taskOf(HttpServletRequest request) {
        Matcher task = TASK_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return task.find() ? Optional.of(task.group(1)) : Optional.empty();
    }
}
