package com.livegov.governance.processes;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.livegov.governance.history.ProcessEvent;
import com.livegov.governance.history.ProcessHistory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The process pages for admins and directors: the instances Kogito holds, by process, with their step, age and
 * business key; one instance with its diagram, variables and timeline; and, for admins, the retry of a failed
 * step. Kogito's own management endpoints stay closed (they check nobody); this is the way in.
 */
@Controller
class ProcessesPageController {

    private static final Set<String> MAY_SEE = Set.of("admin", "director");
    private static final String MAY_RETRY = "admin";

    private final RunningInstances instances;
    private final ProcessHistory history;
    private final VariablesInWords variables;
    private final ProcessRetry retry;
    private final StepNames names;
    private final Clock clock = Clock.systemUTC();

    ProcessesPageController(RunningInstances instances, ProcessHistory history, VariablesInWords variables, ProcessRetry retry,
            StepNames names) {
        this.names = names;
        this.instances = instances;
        this.history = history;
        this.variables = variables;
        this.retry = retry;
    }

    @GetMapping("/processes")
    String list(@RequestParam(name = "process", required = false) String processId, Authentication login, Model model) {
        mustSee(login);
        String filter = processId == null || processId.isBlank() ? null : processId;
        if (filter != null && !instances.isProcess(filter)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown process");
        }
        List<RunningInstance> all = instances.of(null);
        Map<String, Long> counts = new LinkedHashMap<>();
        instances.processIds().forEach(id -> counts.put(id, all.stream().filter(i -> i.processId().equals(id)).count()));
        List<RunningInstance> shown = all.stream().filter(i -> filter == null || i.processId().equals(filter)).toList();
        model.addAttribute("processIds", instances.processIds());
        model.addAttribute("counts", counts);
        model.addAttribute("filter", filter);
        model.addAttribute("instances", shown);
        model.addAttribute("failed", shown.stream().filter(RunningInstance::failed).toList());
        model.addAttribute("now", clock.instant());
        model.addAttribute("mayReviewChanges", groups(login).contains(MAY_RETRY));
        return "processes/list";
    }

    @GetMapping("/processes/{processId}/{instanceId}")
    String instance(@PathVariable String processId, @PathVariable String instanceId, Authentication login, Model model) {
        mustSee(login);
        if (!instances.isProcess(processId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Optional<RunningInstance> running = instances.find(processId, instanceId);
        List<ProcessEvent> events = history.ofProcessInstance(instanceId).stream()
                .filter(event -> processId.equals(event.processId())).toList();
        if (running.isEmpty() && events.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Set<String> passed = events.stream().filter(event -> "NODE_LEFT".equals(event.eventType()) && event.nodeId() != null)
                .map(ProcessEvent::nodeId).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        model.addAttribute("processId", processId);
        model.addAttribute("instanceId", instanceId);
        model.addAttribute("running", running.orElse(null));
        model.addAttribute("ended", events.stream().filter(event -> event.eventType().startsWith("PROCESS_") && !"PROCESS_STARTED".equals(event.eventType()))
                .reduce((first, second) -> second).orElse(null));
        model.addAttribute("currentIds", running.map(RunningInstance::currentElementIds).orElse(""));
        model.addAttribute("passedIds", String.join(",", passed));
        model.addAttribute("variables", instances.variables(processId, instanceId).map(variables::of).orElse(List.of()));
        model.addAttribute("timeline", events.stream().filter(this::worthShowing).toList());
        model.addAttribute("mayRetry", groups(login).contains(MAY_RETRY));
        model.addAttribute("now", clock.instant());
        return "processes/instance";
    }

    @PostMapping("/processes/{processId}/{instanceId}/retry")
    String retry(@PathVariable String processId, @PathVariable String instanceId, Authentication login, RedirectAttributes flash) {
        if (!groups(login).contains(MAY_RETRY)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        ProcessRetry.Outcome outcome = retry.retry(processId, instanceId, login.getName());
        if (outcome == ProcessRetry.Outcome.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        flash.addFlashAttribute("retried", outcome.name());
        return "redirect:/processes/{processId}/{instanceId}";
    }

    /** The timeline shows the process's start and end, each step entered, and what people did on tasks. */
    private boolean worthShowing(ProcessEvent event) {
        return event.eventType().startsWith("PROCESS_") || event.eventType().startsWith("TASK_")
                || "NODE_ENTERED".equals(event.eventType()) && names.isNamed(event.processId(), event.nodeId());
    }

    private static void mustSee(Authentication login) {
        if (groups(login).stream().noneMatch(MAY_SEE::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static Set<String> groups(Authentication login) {
        return login.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    /** A refused page request is answered with the workbench's error page and the refusal's status, never JSON. */
    @ExceptionHandler({ResponseStatusException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView refused(Exception e) {
        HttpStatus status = e instanceof ResponseStatusException refusal ? HttpStatus.valueOf(refusal.getStatusCode().value()) : HttpStatus.BAD_REQUEST;
        return new ModelAndView("error", java.util.Map.of("status", status.value()), status);
    }
}
