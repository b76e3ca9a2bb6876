package com.livegov.governance.inbox;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.livegov.governance.workbench.Times;
import com.livegov.governance.workbench.WorkbenchPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox page: the user's views as tabs with their counts, filters, sorting and paging over
 * {@link InboxQuery}; bulk claim, release and (for team leads) reassignment through {@link TaskAssignments}.
 * Filters are a plain GET form (the page works without script); htmx swaps only the result list.
 */
@Controller
@WorkbenchPage
class InboxPages {

    /** The views a person picks from, in tab order ({@link InboxView#TEAM} only for team leads). */
    static final List<InboxView> TABS = List.of(InboxView.MINE, InboxView.GROUPS_UNASSIGNED, InboxView.TEAM, InboxView.COMPLETED_BY_ME);

    private final InboxQuery inbox;
    private final TaskAssignments assignments;
    private final Times times;

    InboxPages(InboxQuery inbox, TaskAssignments assignments, Times times) {
        this.inbox = inbox;
        this.assignments = assignments;
        this.times = times;
    }

    @GetMapping("/inbox")
    String page(Principal login, @RequestParam Map<String, String> parameters, Model model) {
        show(login, parameters, model);
        return "inbox/inbox";
    }

    /** Only the result list, for htmx. */
    @GetMapping("/inbox/fragment")
    String fragment(Principal login, @RequestParam Map<String, String> parameters, Model model) {
        show(login, parameters, model);
        return "inbox/inbox :: results";
    }

    @PostMapping("/inbox/bulk")
    String bulk(Principal login, @RequestParam(name = "action") String action,
            @RequestParam(name = "taskIds", required = false) List<String> taskIds,
            @RequestParam(name = "to", required = false) String to, @RequestParam(name = "back", required = false) String back,
            RedirectAttributes flash) {
        InboxUser user = InboxUser.of(login);
        if (taskIds == null || taskIds.isEmpty()) {
            flash.addFlashAttribute("bulkError", "inbox.bulk.noneSelected");
            return redirectBack(back);
        }
        List<TaskResult> results;
        try {
            results = switch (action) {
                case "claim" -> assignments.claim(user, taskIds);
                case "release" -> assignments.release(user, taskIds);
                case "reassign" -> assignments.reassign(user, taskIds, to == null ? "" : to.trim(), null);
                default -> throw new InvalidInboxRequest("action", "must be claim, release or reassign");
            };
        } catch (InvalidInboxRequest e) {
            flash.addFlashAttribute("bulkError", "inbox.bulk.invalid." + e.parameter());
            return redirectBack(back);
        } catch (TaskAssignments.NotATeamLead e) {
            flash.addFlashAttribute("bulkError", "inbox.bulk.notALead");
            return redirectBack(back);
        }
        flash.addFlashAttribute("bulkResults", results);
        return redirectBack(back);
    }

    private void show(Principal login, Map<String, String> parameters, Model model) {
        InboxUser user = InboxUser.of(login);
        InboxFilters filters = InboxFilters.read(parameters, this::localInstant);
        model.addAttribute("filters", filters);
        model.addAttribute("tabs", TABS);
        model.addAttribute("processes", com.livegov.governance.workbench.GovernanceProcesses.IDS);
        model.addAttribute("lead", inbox.leadsATeam(user));
        if (!filters.errors().isEmpty()) {
            model.addAttribute("result", null);
            return;
        }
        if (filters.view() == InboxView.TEAM && !inbox.leadsATeam(user)) {
            filters.errors().put("view", "inbox.filter.error.teamOnly");
            return;
        }
        model.addAttribute("result", inbox.find(user, filters.view(), filters.filter()));
    }

    /** A {@code datetime-local} value in the company's zone. */
    private Instant localInstant(String value) {
        try {
            return LocalDateTime.parse(value).atZone(times.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Back to the inbox page the form was on (only inbox addresses, never an outside one). */
    private static String redirectBack(String back) {
        return back != null && back.startsWith("/inbox") && !back.startsWith("//") && !back.contains("\\") ? "redirect:" + back : "redirect:/inbox";
    }
}
