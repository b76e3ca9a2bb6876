package com.livegov.governance.decisions;

import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;

import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evaluates the business's decision tables over HTTP: JSON inputs in, every decision of the model out, with
 * the model version and the matched rules; each evaluation is recorded, and so is each refused input (in the audit
 * trail).
 */
@RestController
@RequestMapping("/decisions")
@Tag(name = "Decisions", description = "The decision tables owned by HR and legal")
class DecisionController {

    private final DecisionService decisions;
    private final AuditTrail audit;

    DecisionController(DecisionService decisions, AuditTrail audit) {
        this.decisions = decisions;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The decision models in force, with their versions")
    Collection<DecisionService.DecisionSummary> models() {
        return decisions.models();
    }

    @PostMapping("/{name}")
    @Operation(summary = "Evaluates a decision model; the evaluation is recorded")
    DecisionOutcome evaluate(@PathVariable String name, @RequestBody Map<String, Object> inputs,
            @RequestParam(required = false) String asOf, Principal principal) {
        String user = principal != null ? principal.getName() : "anonymous";
        if (asOf == null || asOf.isBlank()) {
            return decisions.evaluateStandalone(name, inputs, DecisionCaller.user(user));
        }
        return decisions.evaluateStandalone(name, inputs, DecisionCaller.user(user), businessTime(asOf));
    }

    /** Now, or the instant given as {@code asOf} (ISO-8601 with an offset), which may not be in the future. */
    private static Instant businessTime(String asOf) {
        Instant now = Instant.now();
        if (asOf == null || asOf.isBlank()) {
            return now;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(asOf.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadAsOf("asOf must be an ISO-8601 date-time with an offset, e.g. 2026-11-30T23:59:59Z");
        }
        if (at.isAfter(now)) {
            throw new BadAsOf("asOf may not be in the future: a version scheduled for later is not in force yet");
        }
        return at;
    }

    /** An {@code asOf} that is not a past instant. */
    static class BadAsOf extends RuntimeException implements com.livegov.governance.config.RefusedRequest {
        BadAsOf(String message) {
            super(message);
        }
    }

    @ExceptionHandler
    ProblemDetail badAsOf(BadAsOf e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid business time");
        problem.setProperty("parameter", "asOf");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidDecisionInput e, HttpServletRequest request) {
        audit.recordRefusal(request, HttpStatus.BAD_REQUEST, AuditTarget.decision(e.decision()), e.getMessage(),
                Collections.singletonMap("input", e.input()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid decision input");
        problem.setProperty("decision", e.decision());
        problem.setProperty("input", e.input());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownDecision(DecisionService.UnknownDecision e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown decision");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail decisionFailed(DecisionService.DecisionFailed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("The decision could not be made");
        return problem;
    }
}
