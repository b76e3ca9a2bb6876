package com.livegov.governance.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import com.livegov.governance.security.OnBehalfOf;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.UserTasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of Kogito's generated user-task endpoint: completing a task ({@code POST
 * /usertasks/instance/{id}/transition} with {@code "transitionId": "complete"}) and setting its outputs
 * ({@code PUT .../outputs}) are checked against the task's form first. A bad submission answers 400 with every
 * refused field, and the task stays as it was; a completion that passes its form is then put to every
 * {@link TaskSubmissionRule} (checks against the application's data), which refuse the same way. Claiming and
 * completing are also put to every {@link TaskDuty} (separation of duties): a refusal answers 403 with its
 * reason. Bodies above 64 KiB answer 413. Every refusal is recorded in the audit trail.
 */
@Component
class TaskSubmissionCheck extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = com.livegov.governance.config.RequestSizeLimit.MAX_BODY_BYTES;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Pattern TRANSITION = Pattern.compile("^/usertasks/instance/([^/]+)/transition$");
    private static final Pattern OUTPUTS = Pattern.compile("^/usertasks/instance/([^/]+)/outputs$");
    /** Kogito's claim takes the new owner from this data entry when present (DefaultUserTaskLifeCycle.PARAMETER_USER). */
    private static final String OWNER_PARAMETER = "USER";

    private final TaskForms forms;
    private final List<TaskDuty> duties;
    private final List<TaskSubmissionRule> rules;
    private final ObjectProvider<UserTasks> userTasks;
    private final TransactionTemplate reads;
    private final ObjectMapper json;
    private final AuditTrail audit;

    TaskSubmissionCheck(TaskForms forms, List<TaskDuty> duties, List<TaskSubmissionRule> rules, ObjectProvider<UserTasks> userTasks,
            PlatformTransactionManager transactions, ObjectMapper json, AuditTrail audit) {
        this.forms = forms;
        this.duties = duties;
        this.rules = rules;
        this.userTasks = userTasks;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        // No transaction of its own: the checks only read, each query sees what is committed, and one connection
        // serves them all (Spring binds it while the template's synchronization is on). A read-only transaction
        // cost a BEGIN, a COMMIT round trip and a JPA entity manager per claim and per completion.
        this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        this.json = json;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && TRANSITION.matcher(path).matches()
                || "PUT".equals(request.getMethod()) && OUTPUTS.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = readBody(request);
        if (body == null) {
            problem(request, response, new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + MAX_BODY_BYTES + " bytes", List.of()));
            return;
        }
        JsonNode submission;
        try {
            submission = json.readTree(body);
        } catch (JsonProcessingException e) {
            problem(request, response, new Refusal(HttpStatus.BAD_REQUEST, "The request body is not valid JSON", List.of()));
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher transition = TRANSITION.matcher(path);
        Optional<Refusal> refusal = transition.matches()
                ? checkTransition(transition.group(1), submission, actors(request))
                : checkOutputs(outputsTaskId(path), submission);
        if (refusal.isPresent()) {
            problem(request, response, refusal.get());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** Why a request may not pass, with the HTTP status and the refused fields. */
    private record Refusal(HttpStatus status, String detail, List<TaskForms.FieldError> errors) {
    }

    /**
     * Who acts: the login, and when a substitute acts on somebody's behalf, that absent user too; separation of
     * duties binds both.
     */
    private static List<String> actors(HttpServletRequest request) {
        String login = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        return OnBehalfOf.current().map(acting -> List.of(acting.substitute(), acting.absentUser()))
                .orElseGet(() -> login == null ? List.of() : List.of(login));
    }

    /**
     * Claim and complete: separation of duties; complete: the form, with required fields. A transition may not name
     * another owner ({@code "data": {"USER": ...}}, which Kogito's claim would take as the new owner).
     */
    private Optional<Refusal> checkTransition(String taskId, JsonNode submission, List<String> actors) {
        String transitionId = submission == null ? "" : submission.path("transitionId").asText();
        boolean completing = transitionId.equals("complete");
        if (!completing && submission != null && submission.path("data").has(OWNER_PARAMETER)) {
            return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "A task's owner is the login: a transition cannot name one ("
                    + OWNER_PARAMETER + ")", List.of()));
        }
        if (!completing && !transitionId.equals("claim")) {
            return Optional.empty();
        }
        Map<String, Object> data = completing && submission.hasNonNull("data") ? json.convertValue(submission.path("data"), MAP) : Map.of();
        return onTask(taskId, task -> {
            Optional<String> duty = actors.stream().flatMap(user -> duties.stream().map(rule -> rule.refuse(task, user)))
                    .flatMap(Optional::stream).findFirst();
            if (duty.isPresent()) {
                return Optional.of(new Refusal(HttpStatus.FORBIDDEN, duty.get(), List.of()));
            }
            return completing ? formRefusal(task, data, true).or(() -> ruleRefusal(task, data, true)) : Optional.empty();
        });
    }

    /** Setting outputs: the form's fields and types, without requiring completeness. */
    private Optional<Refusal> checkOutputs(String taskId, JsonNode submission) {
        if (submission == null || !submission.isObject()) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "The outputs must be a JSON object", List.of()));
        }
        Map<String, Object> data = json.convertValue(submission, MAP);
        return onTask(taskId, task -> formRefusal(task, data, false).or(() -> ruleRefusal(task, data, false)));
    }

    private Optional<Refusal> formRefusal(UserTaskInstance task, Map<String, Object> data, boolean completing) {
        if (!forms.hasForm(task.getTaskName())) {
            return Optional.empty();
        }
        List<TaskForms.FieldError> errors = forms.check(task.getTaskName(), data, task.getOutputs(), completing);
        return errors.isEmpty() ? Optional.empty()
                : Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "The submission does not match the task's form", errors));
    }

    private Optional<Refusal> ruleRefusal(UserTaskInstance task, Map<String, Object> data, boolean completing) {
        List<TaskForms.FieldError> errors = rules.stream().flatMap(rule -> rule.check(task, data, completing).stream()).toList();
        return errors.isEmpty() ? Optional.empty()
                : Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "The submission was refused: "
                        + errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")), errors));
    }

    /** Reads the task once, in a read-only transaction; an unknown task passes (the endpoint answers 404 for itself). */
    private Optional<Refusal> onTask(String taskId, Function<UserTaskInstance, Optional<Refusal>> check) {
        return reads.execute(status -> userTasks.getObject().instances().findById(taskId).flatMap(check));
    }

    private static String outputsTaskId(String path) {
        Matcher outputs = OUTPUTS.matcher(path);
        return outputs.matches() ? outputs.group(1) : null;
    }

    /** The refusal in the audit trail: who, which task, why, and which fields. */
    private void record(HttpServletRequest request, Refusal refusal) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher task = TRANSITION.matcher(path);
        String taskId = task.matches() ? task.group(1) : outputsTaskId(path);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("refusedFields", refusal.errors().stream().map(TaskForms.FieldError::field).toList());
        audit.recordRefusal(request, refusal.status(), taskId == null ? null : AuditTarget.task(taskId), refusal.detail(), details);
    }

    private static byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        HttpStatus status = refusal.status();
        List<TaskForms.FieldError> errors = refusal.errors();
        record(request, refusal);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.detail());
        problem.setTitle(status == HttpStatus.BAD_REQUEST ? "Invalid task submission"
                : status == HttpStatus.FORBIDDEN ? "Separation of duties" : status.getReasonPhrase());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
