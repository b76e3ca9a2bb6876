package com.livegov.governance.decisiontables;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.livegov.governance.decisions.versions.DecisionChangeRefused;
import com.livegov.governance.decisions.versions.DecisionChanges;
import com.livegov.governance.workbench.Times;
import com.livegov.governance.workbench.WorkbenchPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The four eyes on a version page: its author submits the draft with a change note (or withdraws it); another owner
 * approves it, in force now or from a chosen instant and until one, or rejects it with a comment. A refused step
 * shows the page again with the reason beside the form, and nothing has changed.
 */
@Controller
@WorkbenchPage
class ReviewPages {

    private final DecisionChanges changes;
    private final DecisionWords words;
    private final VersionPage versionPage;
    private final Times times;

    ReviewPages(DecisionChanges changes, DecisionWords words, VersionPage versionPage, Times times) {
        this.changes = changes;
        this.words = words;
        this.versionPage = versionPage;
        this.times = times;
    }

    @PostMapping("/decision-tables/{model}/versions/{number:\\d+}/submit")
    ModelAndView submit(@PathVariable String model, @PathVariable int number, @RequestParam(defaultValue = "") String changeNote,
            Authentication login, RedirectAttributes flash) {
        Readers.staff(login);
        Map<String, String> form = Map.of("changeNote", changeNote);
        if (changeNote.isBlank()) {
            return refused(model, number, login, HttpStatus.BAD_REQUEST, form, Map.of("changeNote", "decisionTables.submit.noteRequired"), null);
        }
        return step(model, number, login, flash, form, "decisionTables.done.submitted",
                () -> changes.submit(model, number, changeNote.trim(), login));
    }

    @PostMapping("/decision-tables/{model}/versions/{number:\\d+}/withdraw")
    ModelAndView withdraw(@PathVariable String model, @PathVariable int number, Authentication login, RedirectAttributes flash) {
        Readers.staff(login);
        return step(model, number, login, flash, Map.of(), "decisionTables.done.withdrawn", () -> changes.withdraw(model, number, login));
    }

    @PostMapping("/decision-tables/{model}/versions/{number:\\d+}/approve")
    ModelAndView approve(@PathVariable String model, @PathVariable int number, @RequestParam(defaultValue = "") String comment,
            @RequestParam(defaultValue = "now") String when, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String until, Authentication login, RedirectAttributes flash) {
        Readers.staff(login);
        Map<String, String> form = Map.of("comment", comment, "when", when, "from", from, "until", until);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant effectiveFrom = null;
        if ("at".equals(when)) {
            effectiveFrom = instant(from, "from", errors);
            if (from.isBlank()) {
                errors.put("from", "decisionTables.approve.fromRequired");
            }
        }
        Instant effectiveUntil = until.isBlank() ? null : instant(until, "until", errors);
        if (!errors.isEmpty()) {
            return refused(model, number, login, HttpStatus.BAD_REQUEST, form, errors, null);
        }
        Instant start = effectiveFrom;
        return step(model, number, login, flash, form, "decisionTables.done.approved",
                () -> changes.approve(model, number, comment.trim(), start, effectiveUntil, login));
    }

    @PostMapping("/decision-tables/{model}/versions/{number:\\d+}/reject")
    ModelAndView reject(@PathVariable String model, @PathVariable int number, @RequestParam(defaultValue = "") String comment,
            Authentication login, RedirectAttributes flash) {
        Readers.staff(login);
        Map<String, String> form = Map.of("rejectComment", comment);
        if (comment.isBlank()) {
            return refused(model, number, login, HttpStatus.BAD_REQUEST, form, Map.of("rejectComment", "decisionTables.reject.commentRequired"), null);
        }
        return step(model, number, login, flash, form, "decisionTables.done.rejected", () -> changes.reject(model, number, comment.trim(), login));
    }

    private ModelAndView step(String model, int number, Authentication login, RedirectAttributes flash, Map<String, String> form,
            String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("done", done);
            return new ModelAndView("redirect:/decision-tables/" + model + "/versions/" + number);
        } catch (DecisionChangeRefused refused) {
            return refused(model, number, login, refused.status(), form, Map.of(), refused);
        }
    }

    private ModelAndView refused(String model, int number, Authentication login, HttpStatus status, Map<String, String> form,
            Map<String, String> errors, DecisionChangeRefused refusal) {
        ModelAndView page = versionPage.of(model, number, login, status);
        page.addObject("form", form);
        page.addObject("fieldErrors", errors);
        if (refusal != null) {
            page.addObject("refusal", words.refusal(refusal));
            page.addObject("refusalFindings", refusal.findings());
        }
        return page;
    }

    /** A {@code datetime-local} value in the company's time zone. */
    private Instant instant(String value, String field, Map<String, String> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(times.zone()).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "decisionTables.approve.badInstant");
            return null;
        }
    }
}
