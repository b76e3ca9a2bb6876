package com.livegov.governance.start;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.audit.AuditTrail;
import com.livegov.governance.config.AtomicProcessStart;
import com.livegov.governance.config.RefusedRequest;
import com.livegov.governance.security.IdentityProperties;
import com.livegov.governance.security.RefusalLog;
import jakarta.servlet.http.HttpServletRequest;
import org.kie.kogito.Model;
import org.kie.kogito.process.Processes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Starts a process for a workbench page with the rules of its REST start ({@code POST /{processId}}):
 * <ul>
 * <li>only the groups of {@code governance.security.process-starters} may start it (a refusal is 403 and
 * recorded, as the security layer records the API's);</li>
 * <li>the variable of {@code governance.security.process-actors} ({@code requestedBy}, {@code initiatedBy}, ...)
 * is the logged-in user, whatever the form holds;</li>
 * <li>the variables are read into the process's model as the REST body is (the application's JSON mapper), and
 * the instance runs its own start checks, all or nothing ({@link AtomicProcessStart}); a check's refusal leaves
 * nothing behind, is recorded in the audit trail like the API's, and reaches the page as {@link StartRefused}.</li>
 * </ul>
 * The start itself is recorded by the process listeners, with the login as the actor.
 */
@Component
class ProcessLaunch {

    private final IdentityProperties identity;
    private final AtomicProcessStart starts;
    private final ObjectProvider<Processes> processes;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final RefusalLog refusals;

    ProcessLaunch(IdentityProperties identity, AtomicProcessStart starts, ObjectProvider<Processes> processes, ObjectMapper json,
            AuditTrail audit, RefusalLog refusals) {
        this.identity = identity;
        this.starts = starts;
        this.processes = processes;
        this.json = json;
        this.audit = audit;
        this.refusals = refusals;
    }

    /** Whether the login's groups may start the process. */
    boolean mayStart(Authentication login, String processId) {
        List<String> groups = identity.processStarters().getOrDefault(processId, List.of());
        return login.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(groups::contains);
    }

    /** Refuses (403, recorded) a login whose groups may not start the process. */
    void requireStarter(Authentication login, String processId, HttpServletRequest request) {
        if (!mayStart(login, processId)) {
            refusals.refused(request, HttpStatus.FORBIDDEN, login.getName() + " is in no group that may start " + processId);
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /**
     * Starts the process with these variables, its actor variable set to the login.
     *
     * @return the new instance's id
     * @throws StartRefused when the process's start checks refuse
     */
    String start(Authentication login, String processId, Map<String, Object> variables, HttpServletRequest request) {
        return start(login, processId, request, actor -> {
            Map<String, Object> given = new LinkedHashMap<>(variables);
            given.put(actorVariable(processId), actor);
            return starts.start(processId, typed(processId, given), List.of());
        });
    }

    /**
     * Starts the process through the feature's own starter (the one its API calls), given the login's name.
     *
     * @throws StartRefused when the process's start checks refuse
     */
    String start(Authentication login, String processId, HttpServletRequest request, UnaryOperator<String> starter) {
        requireStarter(login, processId, request);
        try {
            return starter.apply(login.getName());
        } catch (RuntimeException e) {
            Throwable refusal = refusalIn(e);
            if (refusal == null) {
                throw e;
            }
            boolean conflict = refusal instanceof RefusedRequest refused && refused.conflict();
            audit.recordRefusal(request, conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, null, refusal.getMessage(),
                    Map.of("processId", processId));
            throw new StartRefused(refusal, conflict);
        }
    }

    private String actorVariable(String processId) {
        String variable = identity.processActors().get(processId);
        if (variable == null) {
            throw new IllegalStateException("governance.security.process-actors names no actor variable for " + processId);
        }
        return variable;
    }

    /** The variables typed as the process declares them, read as the REST start reads its JSON body. */
    private Map<String, Object> typed(String processId, Map<String, Object> variables) {
        Class<? extends Model> model = processes.getObject().processById(processId).createModel().getClass();
        return json.convertValue(variables, model).toMap();
    }

    private static Throwable refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedRequest) {
                return cause;
            }
        }
        return null;
    }
}
