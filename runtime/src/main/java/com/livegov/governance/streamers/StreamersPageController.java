package com.livegov.governance.streamers;

import java.time.Clock;

import com.livegov.governance.performance.PerformanceRecords;
import com.livegov.governance.processes.RunningInstances;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/**
 * The streamer pages: the list with its search, for staff, and one page per streamer, for staff and for the
 * streamer themself. A streamer asking for the list lands on their own page; anyone else's page is "not found"
 * to them, so it does not tell which streamers exist.
 */
@Controller
class StreamersPageController {

    private final StreamerDirectory directory;
    private final StreamerFile file;
    private final RunningInstances processes;
    private final PerformanceRecords performance;
    private final Clock clock = Clock.systemUTC();

    StreamersPageController(StreamerDirectory directory, StreamerFile file, RunningInstances processes, PerformanceRecords performance) {
        this.directory = directory;
        this.file = file;
        this.processes = processes;
        this.performance = performance;
    }

    @GetMapping("/streamers")
    String list(@RequestParam(name = "q", required = false) String text, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String status, @RequestParam(required = false) String opsManager,
            @RequestParam(defaultValue = "1") int page, Authentication login, HttpServletRequest request, Model model) {
        Viewer viewer = Viewer.of(login);
        if (!viewer.isStaff()) {
            if (viewer.isStreamer()) {
                return "redirect:/streamers/" + UriUtils.encodePathSegment(viewer.name(), java.nio.charset.StandardCharsets.UTF_8);
            }
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        StreamerSearch search = new StreamerSearch(text, tier, status, opsManager, page);
        if (search.refusedField() != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Refused search field " + search.refusedField());
        }
        model.addAttribute("search", search);
        model.addAttribute("result", directory.search(search));
        model.addAttribute("tiers", StreamerSearch.TIERS.stream().sorted().toList());
        model.addAttribute("statuses", StreamerSearch.STATUSES.stream().sorted().toList());
        model.addAttribute("opsManagers", directory.opsManagers());
        // htmx's active search asks for the results only
        return request.getHeader("HX-Request") != null ? "streamers/list :: results" : "streamers/list";
    }

    @GetMapping("/streamers/{streamerId}")
    String streamer(@PathVariable String streamerId, Authentication login, Model model) {
        Viewer viewer = Viewer.of(login);
        if (!viewer.isStaff() && !viewer.isStreamer()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (!viewer.maySee(streamerId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        StreamerFile.Streamer streamer = file.streamer(streamerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("streamer", streamer);
        model.addAttribute("accounts", file.accounts(streamerId));
        model.addAttribute("grants", file.grants(streamerId));
        model.addAttribute("actions", file.actions(streamerId));
        model.addAttribute("violations", file.violations(streamerId));
        model.addAttribute("offboardings", file.offboardings(streamerId));
        model.addAttribute("onboardings", file.onboardings(streamerId));
        model.addAttribute("backups", file.backups(streamerId));
        model.addAttribute("openProcesses", processes.ofStreamer(streamerId));
        model.addAttribute("performance", viewer.mayReadPerformance(streamerId, streamer.opsManager()) ? performance.months(streamerId) : null);
        model.addAttribute("mayOpenProcesses", viewer.mayOpenProcesses());
        model.addAttribute("mayOpenOtherStreamers", viewer.isStaff());
        model.addAttribute("mayDownloadEvidence", viewer.mayDownloadEvidence());
        model.addAttribute("now", clock.instant());
        return "streamers/page";
    }

    /** A refused page request is answered with the workbench's error page and the refusal's status, never JSON. */
    @ExceptionHandler({ResponseStatusException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView refused(Exception e) {
        HttpStatus status = e instanceof ResponseStatusException refusal ? HttpStatus.valueOf(refusal.getStatusCode().value()) : HttpStatus.BAD_REQUEST;
        return new ModelAndView("error", java.util.Map.of("status", status.value()), status);
    }
}
