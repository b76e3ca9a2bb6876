package com.livegov.governance.inbox;

import org.kie.kogito.usertask.UserTaskInstanceNotAuthorizedException;
import org.kie.kogito.usertask.UserTaskInstanceNotFoundException;
import org.kie.kogito.usertask.lifecycle.UserTaskTransitionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers for Kogito's generated user-task endpoint (package {@code org.kie.kogito.app}), which lets its
 * errors through as 500: an unknown task is 404, a task the user may not act on 403, a transition the task's
 * state does not allow (completing a task nobody claimed) 409. No stack trace reaches the client.
 */
@RestControllerAdvice(basePackages = "org.kie.kogito.app")
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskRequestErrors {

    private static final String INVALID_TRANSITION = "Invalid transition";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(UserTaskInstanceNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown task", "No such task");
    }

    /** The endpoint's own "not found" (a task that is gone, or not visible to the user). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> answered(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return problem(status, status == HttpStatus.NOT_FOUND ? "Unknown task" : status.getReasonPhrase(),
                status == HttpStatus.NOT_FOUND ? "No such task" : status.getReasonPhrase());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notAuthorized(UserTaskInstanceNotAuthorizedException e) {
        return problem(HttpStatus.FORBIDDEN, "Not your task", "This task is not assigned to you or your groups");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> transitionRefused(UserTaskTransitionException e) {
        return problem(HttpStatus.CONFLICT, "Transition not possible", e.getMessage());
    }

    /** Kogito 10.1.0 reports a transition its lifecycle does not allow as a bare RuntimeException. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> failed(RuntimeException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(INVALID_TRANSITION)) {
            return problem(HttpStatus.CONFLICT, "Transition not possible",
                    e.getMessage() + "; claim the task before completing it");
        }
        throw e;
    }

    /** Labelled as a problem document explicitly: the generated endpoint declares {@code application/json} only. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
