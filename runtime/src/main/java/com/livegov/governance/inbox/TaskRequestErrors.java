package com.livegov.governance.inbox;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import org.kie.kogito.usertask.UserTaskInstanceNotAuthorizedException;
import org.kie.kogito.usertask.UserTaskInstanceNotFoundException;
import org.kie.kogito.usertask.lifecycle.UserTaskTransitionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers for Kogito's generated user-task endpoint (package {@code org.kie.kogito.app}), which lets its
 * errors through as 500: an unknown task is 404, a task the user may not act on 403, a transition the task's
 * state does not allow (completing a task nobody claimed) 409. No stack trace reaches the client. Every such
 * refusal is recorded in the audit trail.
 */
@RestControllerAdvice(basePackages = "org.kie.kogito.app")
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskRequestErrors {

    private static final String INVALID_TRANSITION = "Invalid transition";
    private static final Pattern TASK_PATH = Pattern.compile("^/usertasks/instance/([^/]+)");

    private final AuditTrail audit;

    TaskRequestErrors(AuditTrail audit) {
        this.audit = audit;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(UserTaskInstanceNotFoundException e, HttpServletRequest request) {
        return refused(request, HttpStatus.NOT_FOUND, "Unknown task", "No such task");
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
        return refused(request, status, status == HttpStatus.NOT_FOUND ? "Unknown task" : status.getReasonPhrase(),
                status == HttpStatus.NOT_FOUND ? "No such task" : status.getReasonPhrase());
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
