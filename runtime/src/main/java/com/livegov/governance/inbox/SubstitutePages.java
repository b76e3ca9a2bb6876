package com.livegov.governance.inbox;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import com.livegov.governance.workbench.Times;
import com.livegov.governance.workbench.WorkbenchPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Out of office: the user names a substitute for a period, sees the periods they named and those in which they
 * stand in for someone, and ends one of their own. Times are typed in the company's zone.
 */
@Controller
@WorkbenchPage
class SubstitutePages {

    private final Substitutes substitutes;
    private final Times times;

    SubstitutePages(Substitutes substitutes, Times times) {
        this.substitutes = substitutes;
        this.times = times;
    }

    @GetMapping("/substitutes")
    String page(Principal login, Model model) {
        model.addAttribute("named", substitutes.namedBy(login.getName()));
        model.addAttribute("standingIn", substitutes.standingInFor(login.getName()));
        model.addAttribute("now", Instant.now());
        return "inbox/substitutes";
    }

    @PostMapping("/substitutes")
    String name(Principal login, @RequestParam(name = "substitute", required = false) String substitute,
            @RequestParam(name = "from", required = false) String from, @RequestParam(name = "until", required = false) String until,
            RedirectAttributes flash) {
        Instant start = local(from);
        Instant end = local(until);
        try {
            if (start == null || end == null) {
                throw new InvalidInboxRequest(start == null ? "from" : "until", "is not a date and time");
            }
            substitutes.name(login.getName(), substitute == null ? null : substitute.trim(), start, end);
            flash.addFlashAttribute("saved", true);
        } catch (InvalidInboxRequest e) {
            flash.addFlashAttribute("error", "substitutes.error." + e.parameter());
            flash.addFlashAttribute("typed", new Typed(substitute, from, until));
        }
        return "redirect:/substitutes";
    }

    @PostMapping("/substitutes/{id}/end")
    String end(Principal login, @PathVariable String id, RedirectAttributes flash) {
        boolean removed;
        try {
            removed = substitutes.remove(login.getName(), Long.parseLong(id));
        } catch (NumberFormatException e) {
            removed = false;
        }
        flash.addFlashAttribute(removed ? "ended" : "error", removed ? true : "substitutes.error.unknown");
        return "redirect:/substitutes";
    }

    /** What the user typed, shown again after a refusal. */
    record Typed(String substitute, String from, String until) {
    }

    private Instant local(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(times.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
