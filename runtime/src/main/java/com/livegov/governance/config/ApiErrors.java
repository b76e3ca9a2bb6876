package com.livegov.governance.config;

import org.kie.kogito.process.ProcessInstanceOptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
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

    @ExceptionHandler({ ProcessInstanceOptimisticLockingException.class, OptimisticLockingFailureException.class })
    ResponseEntity<ProblemDetail> changedMeanwhile(RuntimeException e) {
        LOG.info("A request lost a race and was rolled back: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Another request changed the same record first; nothing was changed, reload and try again");
        problem.setTitle("Changed meanwhile");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse withItsOwnAnswer) {
            return ResponseEntity.status(withItsOwnAnswer.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(withItsOwnAnswer.getBody());
        }
        LOG.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; the incident is logged");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
