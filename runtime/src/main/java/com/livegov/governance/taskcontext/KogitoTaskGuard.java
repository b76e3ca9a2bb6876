package com.livegov.governance.taskcontext;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Kogito 10.1's user-task service checks nobody when a task is read by id, nor when its comments, attachments,
 * inputs or outputs are read or changed: any login could read any task it knows the id of. Those requests
 * ({@code /usertasks/instance/{id}} and below, but the transitions, which Kogito checks itself) answer 404 unless
 * the acting user sees the task by {@link TaskVisibility}. The acting user is the one Kogito is given: the
 * {@code user} and {@code group} parameters, which {@code security/IdentityParameters} has set from the login.
 */
@Configuration(proxyBeanMethods = false)
class KogitoTaskGuard implements WebMvcConfigurer, HandlerInterceptor {

    private static final Pattern TASK_PATH = Pattern.compile("^/usertasks/instance/([^/]+)(/.*)?$");
    private static final Set<String> UNGUARDED = Set.of("/transition");

    private final VisibleTasks tasks;
    private final AuditTrail audit;
    private final ObjectMapper json;

    KogitoTaskGuard(VisibleTasks tasks, AuditTrail audit, ObjectMapper json) {
        this.tasks = tasks;
        this.audit = audit;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/usertasks/instance/*", "/usertasks/instance/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        Matcher path = TASK_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        String user = request.getParameter("user");
        if (!path.matches() || user == null || path.group(2) != null && UNGUARDED.contains(path.group(2))) {
            return true;
        }
        String[] groups = request.getParameterValues("group");
        TaskViewer viewer = new TaskViewer(user, groups == null ? Set.of() : Set.copyOf(Arrays.asList(groups)));
        String taskId = path.group(1);
        if (tasks.find(taskId, viewer).isPresent()) {
            return true;
        }
        audit.recordRefusal(request, HttpStatus.NOT_FOUND, AuditTarget.task(taskId), "Unknown task: not one the user may see", Map.of());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such task");
        problem.setTitle("Unknown task");
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
        return false;
    }
}
