package com.livegov.governance.decisiontables;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.livegov.governance.decisions.versions.DecisionChangeRefused;
import com.livegov.governance.decisions.versions.DecisionChanges;
import com.livegov.governance.decisions.versions.DecisionVersion;
import com.livegov.governance.workbench.WorkbenchPage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The decision tables (staff read, owners change): every model with its version in force, scheduled versions and
 * open drafts; one model's history with downloads, differences between versions, rollback and its confirmation.
 */
@Controller
@WorkbenchPage
class DecisionTablePages {

    private final DecisionChanges changes;
    private final DecisionWords words;

    DecisionTablePages(DecisionChanges changes, DecisionWords words) {
        this.changes = changes;
        this.words = words;
    }

    @GetMapping("/decision-tables")
    String list(Authentication login, Model model) {
        Readers.staff(login);
        model.addAttribute("models", changes.models(login));
        return "decisiontables/list";
    }

    @PostMapping("/decision-tables/{model}/drafts")
    ModelAndView startDraft(@PathVariable String model, Authentication login, RedirectAttributes flash) {
        Readers.staff(login);
        try {
            DecisionVersion draft = changes.startDraft(model, login);
            flash.addFlashAttribute("done", "decisionTables.done.draftStarted");
            return new ModelAndView("redirect:/decision-tables/" + model + "/versions/" + draft.number());
        } catch (DecisionChangeRefused refused) {
            ModelAndView page = new ModelAndView("decisiontables/list", refused.status());
            page.addObject("models", changes.models(login));
            page.addObject("refusal", words.refusal(refused));
            return page;
        }
    }

    @GetMapping("/decision-tables/{model}")
    String history(@PathVariable String model, Authentication login, Model page) {
        Readers.staff(login);
        showHistory(model, login, page);
        return "decisiontables/model";
    }

    @GetMapping("/decision-tables/{model}/diff")
    String diff(@PathVariable String model, @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
            Authentication login, Model page) {
        Readers.staff(login);
        List<DecisionVersion> versions = Readers.found(() -> changes.history(model));
        if (from == null || to == null) {
            showHistory(model, login, page);
            page.addAttribute("diffProblem", "decisionTables.diff.choose");
            return "decisiontables/model";
        }
        page.addAttribute("model", model);
        page.addAttribute("older", Readers.found(() -> changes.version(model, from)));
        page.addAttribute("newer", Readers.found(() -> changes.version(model, to)));
        page.addAttribute("versions", versions);
        page.addAttribute("changes", Readers.found(() -> changes.diff(model, from, to)));
        return "decisiontables/diff";
    }

    @GetMapping("/decision-tables/{model}/versions/{number:\\d+}.dmn")
    ResponseEntity<byte[]> download(@PathVariable String model, @PathVariable int number, Authentication login) {
        Readers.staff(login);
        byte[] xml = Readers.found(() -> changes.xml(model, number)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(model + "-v" + number + ".dmn").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(xml);
    }

    @PostMapping("/decision-tables/{model}/rollback")
    ModelAndView rollback(@PathVariable String model, @RequestParam(defaultValue = "") String reason, Authentication login,
            RedirectAttributes flash) {
        Readers.staff(login);
        if (reason.isBlank()) {
            return refusedOnHistory(model, login, HttpStatus.BAD_REQUEST, "rollbackProblem", "decisionTables.rollback.reasonRequired");
        }
        try {
            DecisionVersion back = changes.rollback(model, reason.trim(), login);
            flash.addFlashAttribute("done", "decisionTables.done.rolledBack");
            flash.addFlashAttribute("doneNumber", back.number());
            return new ModelAndView("redirect:/decision-tables/" + model);
        } catch (DecisionChangeRefused refused) {
            return refusedOnHistory(model, login, refused.status(), "rollbackRefusal", words.refusal(refused));
        }
    }

    @PostMapping("/decision-tables/{model}/versions/{number:\\d+}/confirm")
    ModelAndView confirmRollback(@PathVariable String model, @PathVariable int number, @RequestParam(defaultValue = "") String comment,
            Authentication login, RedirectAttributes flash) {
        Readers.staff(login);
        try {
            changes.confirmRollback(model, number, comment.trim(), login);
            flash.addFlashAttribute("done", "decisionTables.done.rollbackConfirmed");
            return new ModelAndView("redirect:/decision-tables/" + model);
        } catch (DecisionChangeRefused refused) {
            return refusedOnHistory(model, login, refused.status(), "rollbackRefusal", words.refusal(refused));
        }
    }

    private ModelAndView refusedOnHistory(String model, Authentication login, HttpStatus status, String key, String text) {
        ModelAndView page = new ModelAndView("decisiontables/model", status);
        showHistory(model, login, page.getModelMap());
        page.addObject(key, text);
        return page;
    }

    private void showHistory(String model, Authentication login, org.springframework.ui.ModelMap page) {
        List<DecisionVersion> versions = Readers.found(() -> changes.history(model));
        page.addAttribute("model", model);
        page.addAttribute("versions", versions);
        page.addAttribute("owner", changes.isOwner(model, login));
        page.addAttribute("reader", login.getName());
        Integer inForce = changes.inForce(model, Instant.now()).map(DecisionVersion::number).orElse(null);
        page.addAttribute("inForce", inForce);
        // compare, unless chosen otherwise: the newest version with the one in force, or with the one before it
        int newest = versions.stream().mapToInt(DecisionVersion::number).max().orElse(1);
        page.addAttribute("compareTo", newest);
        page.addAttribute("compareFrom", inForce != null && inForce < newest ? inForce
                : versions.stream().mapToInt(DecisionVersion::number).filter(n -> n < newest).max().orElse(newest));
    }

    private void showHistory(String model, Authentication login, Model page) {
        org.springframework.ui.ModelMap map = new org.springframework.ui.ModelMap();
        showHistory(model, login, map);
        page.addAllAttributes(map);
    }
}
