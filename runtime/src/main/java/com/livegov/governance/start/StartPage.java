package com.livegov.governance.start;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /start}: what the login may start (only the entries their groups allow, from the same configuration the
 * REST starts obey), and {@code /start/done}, the confirmation after a start.
 */
@Controller
class StartPage {

    /** Who may open a process instance's page ({@code /processes/...}). */
    private static final List<String> PROCESS_READERS = List.of("admin", "director");

    private final ProcessLaunch launch;

    StartPage(ProcessLaunch launch) {
        this.launch = launch;
    }

    @GetMapping("/start")
    String entries(Authentication login, Model model) {
        model.addAttribute("entries", Arrays.stream(StartEntry.values()).filter(entry -> launch.mayStart(login, entry.processId()))
                .map(entry -> new Entry(entry.page(), entry.path())).toList());
        return "start/index";
    }

    /**
     * The confirmation: what was started, with a link to the instance's page when the login may see it and to the
     * inbox. Reached by the redirect after a start; opened again later it only links back.
     */
    @GetMapping("/start/done")
    String done(Authentication login, Model model) {
        Object processId = model.getAttribute("processId");
        Object instanceId = model.getAttribute("instanceId");
        if (processId != null && instanceId != null && readsProcesses(login)) {
            model.addAttribute("instancePath", "/processes/" + processId + "/" + instanceId);
        }
        return "start/done";
    }

    /** Records the start for the confirmation page (flash attributes) and redirects there. */
    static String started(RedirectAttributes flash, StartEntry entry, String instanceId) {
        flash.addFlashAttribute("started", entry.page());
        flash.addFlashAttribute("processId", entry.processId());
        flash.addFlashAttribute("instanceId", instanceId);
        return "redirect:/start/done";
    }

    private static boolean readsProcesses(Authentication login) {
        return login.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(PROCESS_READERS::contains);
    }

    /** An entry of the list: its words are {@code start.<page>.title} and {@code start.<page>.intro}. */
    record Entry(String page, String path) {
    }
}
