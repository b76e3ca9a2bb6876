package com.livegov.governance.review;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.UserTasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the one answer of the review task that its form cannot: the {@code downgrade} field must name deviations
 * of the task's own list ({@code "1, 3"}). A completion (or outputs) naming anything else answers 400 like any
 * other refused field, and the task stays open. The form check of the inbox (types, required fields) runs as well.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ReviewAnswerCheck extends OncePerRequestFilter {

    static final String FIELD = "downgrade";
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern TRANSITION = Pattern.compile("^/usertasks/instance/([^/]+)/transition$");
    private static final Pattern OUTPUTS = Pattern.compile("^/usertasks/instance/([^/]+)/outputs$");

    private final ObjectProvider<UserTasks> userTasks;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;

    ReviewAnswerCheck(ObjectProvider<UserTasks> userTasks, PlatformTransactionManager transactions, ObjectMapper json) {
        this.userTasks = userTasks;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !("POST".equals(request.getMethod()) && TRANSITION.matcher(path).matches()
                || "PUT".equals(request.getMethod()) && OUTPUTS.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // the inbox's own check refuses a larger body; this one only needs to pass it on
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        Optional<String> problem = body.length > MAX_BODY_BYTES ? Optional.empty() : problem(request, body);
        if (problem.isPresent()) {
            refuse(response, problem.get());
            return;
        }
        chain.doFilter(new ReadAgainRequest(request, body), response);
    }

    private Optional<String> problem(HttpServletRequest request, byte[] body) {
        JsonNode submission;
        try {
            submission = json.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (submission == null || !submission.isObject()) {
            return Optional.empty();
        }
        Matcher transition = TRANSITION.matcher(path(request));
        if (transition.matches()) {
            JsonNode data = submission.path("data");
            return "complete".equals(submission.path("transitionId").asText()) && data.has(FIELD)
                    ? check(transition.group(1), data.get(FIELD)) : Optional.empty();
        }
        Matcher outputs = OUTPUTS.matcher(path(request));
        return outputs.matches() && submission.has(FIELD) ? check(outputs.group(1), submission.get(FIELD)) : Optional.empty();
    }

    /**
     * Only a value sent now is checked: one set earlier through the outputs was checked when it was set. A value of
     * the wrong type is the form check's to refuse.
     */
    private Optional<String> check(String taskId, JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        return readOnly.execute(status -> userTasks.getObject().instances().findById(taskId)
                .filter(ReviewAnswerCheck::isReviewTask)
                .flatMap(task -> DowngradeAnswer.problem(value.textValue(), deviationCount(task))));
    }

    private static boolean isReviewTask(UserTaskInstance task) {
        return PermissionReview.REVIEW_TASK.equals(task.getTaskName())
                && PermissionReview.PROCESS_ID.equals(task.getMetadata().get("ProcessId"));
    }

    private static int deviationCount(UserTaskInstance task) {
        return task.getInputs().get("deviationList") instanceof Map<?, ?> list && list.get(ReviewSteps.DEVIATION_ITEMS) instanceof List<?> items
                ? items.size() : 0;
    }

    private void refuse(HttpServletResponse response, String message) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The submission does not match the task's form");
        problem.setTitle("Invalid task submission");
        problem.setProperty("errors", List.of(Map.of("field", FIELD, "message", message)));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
