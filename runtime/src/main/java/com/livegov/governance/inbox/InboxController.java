package com.livegov.governance.inbox;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.livegov.governance.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox for scripts (JSON): {@code GET /inbox/tasks?view=&process=&streamer=&overdue=&dueBefore=&text=&sort=&page=&size=}
 * answers a page of the view with the count of every view; {@code POST /inbox/tasks/claim} and {@code /release}
 * ({@code {"taskIds": [...]}}) claim or release the login's tasks; {@code POST /inbox/tasks/reassign}
 * ({@code {"taskIds": [...], "to": "user", "reason": "..."}}) is for team leads. The user is always the login.
 */
@RestController
@RequestMapping(path = "/inbox/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class InboxController {

    private static final Set<String> BULK_FIELDS = Set.of("taskIds");
    private static final Set<String> REASSIGN_FIELDS = Set.of("taskIds", "to", "reason");

    private final InboxQuery inbox;
    private final TaskAssignments assignments;
    private final AuditTrail audit;

    InboxController(InboxQuery inbox, TaskAssignments assignments, AuditTrail audit) {
        this.inbox = inbox;
        this.assignments = assignments;
        this.audit = audit;
    }

    @GetMapping
    Map<String, Object> tasks(@RequestParam(required = false) String view, @RequestParam(required = false) String process,
            @RequestParam(required = false) String streamer, @RequestParam(required = false) String overdue,
            @RequestParam(required = false) String dueBefore, @RequestParam(required = false) String text,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, Principal login) {
        InboxFilter filter = InboxRequests.filter(process, streamer, overdue, dueBefore, text, sort, page, size);
        InboxPage<TaskRow> found = inbox.find(InboxUser.of(login), InboxRequests.view(view), filter);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("view", found.view().id());
        answer.put("page", found.page());
        answer.put("size", found.size());
        answer.put("total", found.total());
        answer.put("pages", found.pages());
        Map<String, Long> counts = new LinkedHashMap<>();
        found.counts().forEach((countedView, count) -> counts.put(countedView.id(), count));
        answer.put("counts", counts);
        answer.put("items", found.items());
        return answer;
    }

    @PostMapping("/claim")
    Map<String, Object> claim(@RequestBody Map<String, Object> body, Principal login) {
        InboxRequests.onlyFields(body, BULK_FIELDS);
        return results(assignments.claim(InboxUser.of(login), InboxRequests.taskIds(body)));
    }

    @PostMapping("/release")
    Map<String, Object> release(@RequestBody Map<String, Object> body, Principal login) {
        InboxRequests.onlyFields(body, BULK_FIELDS);
        return results(assignments.release(InboxUser.of(login), InboxRequests.taskIds(body)));
    }

    @PostMapping("/reassign")
    Map<String, Object> reassign(@RequestBody Map<String, Object> body, Principal login) {
        InboxRequests.onlyFields(body, REASSIGN_FIELDS);
        List<String> taskIds = InboxRequests.taskIds(body);
        String to = InboxRequests.text(body, "to", 63);
        if (to == null || to.isBlank()) {
            throw new InvalidInboxRequest("to", "must name the user who gets the tasks");
        }
        return results(assignments.reassign(InboxUser.of(login), taskIds, to, InboxRequests.text(body, "reason", 1000)));
    }

    /** Every task's outcome, and how many changed. */
    private static Map<String, Object> results(List<TaskResult> results) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("done", results.stream().filter(TaskResult::done).count());
        answer.put("refused", results.stream().filter(result -> !result.done()).count());
        answer.put("results", results);
        return answer;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidInboxRequest e) {
        ProblemDetail problem = InboxProblems.problem(HttpStatus.BAD_REQUEST, "Invalid inbox request", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return InboxProblems.answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notALead(TaskAssignments.NotATeamLead e, HttpServletRequest request) {
        audit.recordRefusal(request, HttpStatus.FORBIDDEN, null, e.getMessage(), Map.of());
        return InboxProblems.answer(InboxProblems.problem(HttpStatus.FORBIDDEN, "Team leads only", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return InboxProblems.answer(InboxProblems.problem(HttpStatus.BAD_REQUEST, "Invalid inbox request", "The body is not a JSON object"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeException e) {
        return InboxProblems.answer(InboxProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send JSON (application/json)"));
    }
}
