package com.livegov.governance.taskcontext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.livegov.governance.security.OnBehalfOf;
import com.livegov.governance.workbench.FormTranslations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import com.livegov.governance.workbench.WorkbenchPage;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The task page: what is being decided, in words ({@link TaskContextService}), the task's form-js form (its schema
 * in the user's language and the task's data, {@code GET /tasks/{id}/form}), the due time, comments, the diagram
 * and the timeline. Claim, release and complete go from the page's script to Kogito's user-task endpoints, where
 * the identity, separation of duties and the form check apply as for every client. A substitute opens the
 * page with {@code ?onBehalfOf=<absent user>} (checked by the identity filter) and sees it as that user would.
 */
@Controller
@WorkbenchPage
class TaskPages {

    private final TaskContextService contexts;
    private final FormTranslations forms;
    private final VisibleTasks tasks;
    TaskPages(TaskContextService contexts, FormTranslations forms, VisibleTasks tasks) {
        this.contexts = contexts;
        this.forms = forms;
        this.tasks = tasks;
    }

    @GetMapping("/tasks/{taskId}")
    String page(@PathVariable String taskId, Authentication login, Model model) {
        TaskViewer viewer = viewer(login);
        TaskContext context = contexts.contextOf(taskId, viewer).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("context", context);
        model.addAttribute("detailsKind", context.details().getClass().getSimpleName());
        model.addAttribute("viewer", viewer);
        model.addAttribute("onBehalfOf", OnBehalfOf.current().map(OnBehalfOf::absentUser).orElse(null));
        model.addAttribute("mine", viewer.user().equals(context.task().owner()) && "Reserved".equals(context.task().state()));
        model.addAttribute("claimable", "Ready".equals(context.task().state()));
        model.addAttribute("errorCodes", TaskErrorCodes.ALL);
        return "tasks/task";
    }

    /** The form of the task in the viewer's language, with the task's data (its inputs, then what was saved). */
    @GetMapping(path = "/tasks/{taskId}/form", produces = "application/json")
    @ResponseBody
    @Transactional(readOnly = true)
    ResponseEntity<Map<String, Object>> form(@PathVariable String taskId, Authentication login, Locale locale) {
        TaskViewer viewer = viewer(login);
        var task = tasks.find(taskId, viewer).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<JsonNode> schema = forms.translated(task.getTaskName(), locale);
        if (schema.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (task.getInputs() != null) {
            task.getInputs().forEach((key, value) -> {
                if (value != null && !key.equals("TaskName") && !key.equals("Skippable")) {
                    data.put(key, value);
                }
            });
        }
        if (task.getOutputs() != null) {
            task.getOutputs().forEach((key, value) -> {
                if (value != null) {
                    data.put(key, value);
                }
            });
        }
        return ResponseEntity.ok(Map.of("schema", schema.get(), "data", data));
    }

    /** A comment from the page's plain form (the page's script is not needed); the author is the login. */
    @PostMapping("/tasks/{taskId}/page-comments")
    String comment(@PathVariable String taskId, @RequestParam(name = "text", required = false) String text, Authentication login,
            RedirectAttributes flash) {
        try {
            contexts.addComment(taskId, viewer(login), text == null ? "" : text);
            flash.addFlashAttribute("commentSaved", true);
        } catch (TaskNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (CommentRefused e) {
            flash.addFlashAttribute("commentError", "task.comment.refused");
            flash.addFlashAttribute("commentText", text);
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/tasks/{id}");
        OnBehalfOf.current().ifPresent(acting -> back.queryParam("onBehalfOf", acting.absentUser()));
        return "redirect:" + back.buildAndExpand(taskId).encode().toUriString() + "#comments";
    }

    /**
     * Who looks at the task: the login, or, while the login stands in for an absent user, that user (the identity
     * filter has checked the substitution and runs the request with the absent user's name and groups).
     */
    private TaskViewer viewer(Authentication login) {
        // the request's principal stays the login (the audit trail's actor); the security context holds the absent user
        return OnBehalfOf.current().isPresent() ? TaskViewer.of(SecurityContextHolder.getContext().getAuthentication()) : TaskViewer.of(login);
    }
}
