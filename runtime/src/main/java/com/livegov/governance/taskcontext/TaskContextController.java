package com.livegov.governance.taskcontext;

import java.util.List;
import java.util.Map;

import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The task context for scripts: {@code GET /tasks/{taskId}/context}, and the task's comments
 * ({@code GET|POST /tasks/{taskId}/comments}, body {@code {"text": "..."}}). A task that does not exist or that the
 * login may not see answers 404; a bad comment 400; both as problem documents, recorded as refusals.
 */
@RestController
@RequestMapping("/tasks/{taskId}")
class TaskContextController {

    private final TaskContextService contexts;
    private final AuditTrail audit;

    TaskContextController(TaskContextService contexts, AuditTrail audit) {
        this.contexts = contexts;
        this.audit = audit;
    }

    @GetMapping("/context")
    TaskContext context(@PathVariable String taskId, Authentication login) {
        return contexts.contextOf(taskId, TaskViewer.of(login)).orElseThrow(() -> new TaskNotFound(taskId));
    }

    @GetMapping("/comments")
    List<TaskContext.Comment> comments(@PathVariable String taskId, Authentication login) {
        return contexts.comments(taskId, TaskViewer.of(login));
    }

    @PostMapping(path = "/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TaskContext.Comment> addComment(@PathVariable String taskId, @RequestBody Map<String, Object> body,
            Authentication login) {
        if (body == null || !body.keySet().equals(java.util.Set.of("text"))) {
            throw new CommentRefused("The body must be {\"text\": \"...\"} and nothing else");
        }
        if (!(body.get("text") instanceof String text)) {
            throw new CommentRefused("'text' must be a string");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(contexts.addComment(taskId, TaskViewer.of(login), text));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(TaskNotFound e, HttpServletRequest request) {
        return refused(request, HttpStatus.NOT_FOUND, "Unknown task", "No such task", taskIdOf(request));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badComment(CommentRefused e, HttpServletRequest request) {
        return refused(request, HttpStatus.BAD_REQUEST, "Comment refused", e.getMessage(), taskIdOf(request));
    }

    private ResponseEntity<ProblemDetail> refused(HttpServletRequest request, HttpStatus status, String title, String detail, String taskId) {
        audit.recordRefusal(request, status, taskId == null ? null : AuditTarget.task(taskId), title + ": " + detail, Map.of());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String taskIdOf(HttpServletRequest request) {
        Object variables = request.getAttribute(org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get("taskId") != null ? map.get("taskId").toString() : null;
    }
}
