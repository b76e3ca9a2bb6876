package com.livegov.governance.config;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The last word on errors, after the specific handlers: an error that carries its own HTTP answer (a 404 of
 * Kogito's generated endpoints, say) is given as a problem document, and anything unexpected is a 500
 * problem that names no exception, class or SQL; the details go to the log only. A request that lost a race (another
 * request changed the same process instance or row first, and this one was rolled back) is a 409.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final UnavailableDatabase unavailable;

    ApiErrors(UnavailableDatabase unavailable) {
        this.unavailable = unavailable;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse withItsOwnAnswer) {
            return ResponseEntity.status(withItsOwnAnswer.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(withItsOwnAnswer.getBody());
        }
        if (UnavailableDatabase.explains(e)) {
            LOG.warn("Database unreachable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return unavailable.answer(request, UnavailableDatabase.Reason.DATABASE);
        }
        if (changedAtTheSameMoment(e)) {
            LOG.info("Concurrent change refused for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return changedMeanwhile("Another request changed the same record first; nothing was changed, reload and try again");
        }
        LOG.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; the incident is logged");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * An optimistic lock lost to another request or replica (a task claimed while its deadline fired, one task
     * completed twice at once): nothing of this request was kept, and the client should read the new state.
     */
    /** The 409 answer of a request that lost a race. */
    static ResponseEntity<ProblemDetail> changedMeanwhile(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Changed meanwhile");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static boolean changedAtTheSameMoment(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.springframework.dao.OptimisticLockingFailureException
                    || cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException
                    || cause instanceof org.kie.kogito.process.ProcessInstanceOptimisticLockingException) {
                return true;
            }
        }
        return false;
    }
}
