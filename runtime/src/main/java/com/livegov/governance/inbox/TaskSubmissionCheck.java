package com.livegov.governance.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of Kogito's generated user-task endpoint: completing a task ({@code POST
 * /usertasks/instance/{id}/transition} with {@code "transitionId": "complete"}) and setting its outputs
 * ({@code PUT .../outputs}) are checked against the task's form first. A bad submission answers 400 with every
 * refused field, and the task stays as it was. Claiming and completing are also put to every {@link TaskDuty}
 * (separation of duties): a refusal answers 403 with its reason. Bodies above 64 KiB answer 413.
 */
@Component
class TaskSubmissionCheck extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern TRANSITION = Pattern.compile("^/usertasks/instance/([^/]+)/transition$");
    private static final Pattern OUTPUTS = Pattern.compile("^/usertasks/instance/([^/]+)/outputs$");

    private final TaskForms forms;
    private final List<TaskDuty> duties;
    private final ObjectProvider<UserTasks> userTasks;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;

    TaskSubmissionCheck(TaskForms forms, List<TaskDuty> duties, ObjectProvider<UserTasks> userTasks,
            PlatformTransactionManager transactions, ObjectMapper json) {
        this.forms = forms;
        this.duties = duties;
        this.userTasks = userTasks;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
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
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + MAX_BODY_BYTES + " bytes", List.of());
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher transition = TRANSITION.matcher(path);
        boolean completing = transition.matches();
        String taskId = completing ? transition.group(1) : outputsTaskId(path);
        JsonNode submission;
        try {
            submission = json.readTree(body);
        } catch (JsonProcessingException e) {
            problem(response, HttpStatus.BAD_REQUEST, "The request body is not valid JSON", List.of());
            return;
        }
        Map<String, Object> data;
        if (completing) {
            String transitionId = submission == null ? "" : submission.path("transitionId").asText();
            if (transitionId.equals("claim") || transitionId.equals("complete")) {
                Optional<String> refusal = dutyRefusal(taskId, request.getParameter("user"));
                if (refusal.isPresent()) {
                    problem(response, HttpStatus.FORBIDDEN, refusal.get(), List.of());
                    return;
                }
            }
            if (!"complete".equals(transitionId)) {
                chain.doFilter(new CachedBodyRequest(request, body), response);
                return;
            }
            data = submission.hasNonNull("data") ? json.convertValue(submission.path("data"), Map.class) : Map.of();
        } else {
            data = submission != null && submission.isObject() ? json.convertValue(submission, Map.class) : null;
            if (data == null) {
                problem(response, HttpStatus.BAD_REQUEST, "The outputs must be a JSON object", List.of());
                return;
            }
        }
        Optional<List<TaskForms.FieldError>> errors = check(taskId, data, completing);
        if (errors.isPresent() && !errors.get().isEmpty()) {
            problem(response, HttpStatus.BAD_REQUEST, "The submission does not match the task's form", errors.get());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** Why the user may not take or complete the task, if a separation-of-duties rule says so. */
    private Optional<String> dutyRefusal(String taskId, String user) {
        return readOnly.execute(status -> userTasks.getObject().instances().findById(taskId)
                .flatMap(task -> duties.stream().map(duty -> duty.refuse(task, user)).flatMap(Optional::stream).findFirst()));
    }

    /** The refused fields, or empty when the task is unknown here (the endpoint then answers for itself). */
    private Optional<List<TaskForms.FieldError>> check(String taskId, Map<String, Object> data, boolean completing) {
        return readOnly.execute(status -> {
            Optional<UserTaskInstance> task = userTasks.getObject().instances().findById(taskId);
            if (task.isEmpty() || !forms.hasForm(task.get().getTaskName())) {
                return Optional.empty();
            }
            return Optional.of(forms.check(task.get().getTaskName(), data, task.get().getOutputs(), completing));
        });
    }

    private static String outputsTaskId(String path) {
        Matcher outputs = OUTPUTS.matcher(path);
        return outputs.matches() ? outputs.group(1) : null;
    }

    private static byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String detail, List<TaskForms.FieldError> errors)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
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
