package com.livegov.governance.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.livegov.governance.audit.AuditTrail;
import com.livegov.governance.decisions.InvalidDecisionInput;
import jakarta.servlet.http.HttpServletRequest;
import org.kie.kogito.process.MutableProcessInstances;
import org.kie.kogito.process.ProcessInstanceExecutionException;
import org.kie.kogito.process.Processes;
import org.kie.kogito.services.uow.UnitOfWorkExecutor;
import org.kie.kogito.uow.UnitOfWorkManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers for Kogito's generated process endpoints: a process that cannot start because the data it was
 * given fails a decision's input check (an unknown action, say) is the client's mistake, a 400 naming the
 * input, not a 500. Each such refusal is recorded in the audit trail. A process that failed because the
 * database could not be reached is a 503 with {@code Retry-After} ({@link UnavailableDatabase}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessRequestErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRequestErrors.class);
    private static final Pattern START_PATH = Pattern.compile("^/[A-Za-z][A-Za-z0-9_]*/?$");

    private final ObjectProvider<Processes> processes;
    private final UnitOfWorkManager unitOfWork;
    private final AuditTrail audit;
    private final UnavailableDatabase unavailable;

    ProcessRequestErrors(ObjectProvider<Processes> processes, UnitOfWorkManager unitOfWork, AuditTrail audit, UnavailableDatabase unavailable) {
        this.processes = processes;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.unavailable = unavailable;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> processFailed(ProcessInstanceExecutionException e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null && isStart(request); cause = cause.getCause()) {
            if (cause instanceof RefusedRequest refused) {
                forget(e.getProcessInstanceId());
                HttpStatus status = refused.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
                problem.setTitle("Request refused");
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("removedProcessInstanceId", e.getProcessInstanceId());
                if (refused instanceof InvalidDecisionInput invalid) {
                    problem.setProperty("input", invalid.input());
                    details.put("input", invalid.input());
                }
                audit.recordRefusal(request, status, null, refused.getMessage(), details);
                return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
        }
        if (UnavailableDatabase.explains(e)) {
            LOG.warn("Database unreachable for process instance {}: {}", e.getProcessInstanceId(), e.toString());
            return unavailable.answer(request, UnavailableDatabase.Reason.DATABASE);
        }
        if (ApiErrors.changedAtTheSameMoment(e)) {
            return ApiErrors.changedMeanwhile("Another request changed the same process instance first; nothing was changed, reload and try again");
        }
        LOG.error("Process instance {} failed", e.getProcessInstanceId(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The process could not continue; the incident is logged with its process instance id");
        problem.setTitle("Process failure");
        problem.setProperty("processInstanceId", e.getProcessInstanceId());
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * Whether the request is the start of a process ({@code POST /{processId}}): only then is the refused data
     * the client's own, and nothing of the instance exists yet for anyone else. A refusal later in a process
     * (an account cancelled while its approval waited) is a failure of that process, not a bad request.
     */
    private static boolean isStart(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && START_PATH.matcher(path).matches();
    }

    /**
     * Kogito keeps an instance that failed in its first step, in error state. When the failure was the
     * client's bad data nothing may remain of the request: the instance is removed.
     */
    private void forget(String processInstanceId) {
        processes.getObject().processByProcessInstanceId(processInstanceId).ifPresent(process ->
                UnitOfWorkExecutor.executeInUnitOfWork(unitOfWork, () -> {
                    if (process.instances() instanceof MutableProcessInstances<?> instances) {
                        instances.remove(processInstanceId);
                    }
                    return null;
                }));
    }
}
