package com.livegov.governance.decisiontables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.livegov.governance.decisions.checks.CheckReport;
import com.livegov.governance.decisions.versions.DecisionChangeRefused;
import com.livegov.governance.decisions.versions.DecisionChanges;
import com.livegov.governance.decisions.versions.DecisionVersion;
import com.livegov.governance.decisions.versions.VersionOrigin;
import com.livegov.governance.decisions.versions.VersionState;
import com.livegov.governance.workbench.WorkbenchPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * One version of a decision model: dmn-js shows it (the modeler for its author while it is a draft, the viewer
 * otherwise), beside its checks and its what-if replay. The author saves from the editor (a script posts the XML
 * and the examples and gets the checks panel back) or uploads a {@code .dmn} from the Camunda Modeler. Submitting,
 * approving and rejecting are in {@link ReviewPages}.
 */
@Controller
@WorkbenchPage
class DecisionVersionPages {

    private final DecisionChanges changes;
    private final DecisionWords words;
    private final VersionPage versionPage;

    DecisionVersionPages(DecisionChanges changes, DecisionWords words, VersionPage versionPage) {
        this.changes = changes;
        this.words = words;
        this.versionPage = versionPage;
    }

    @GetMapping("/decision-tables/{model}/versions/{number:\\d+}")
    ModelAndView show(@PathVariable String model, @PathVariable int number, Authentication login) {
        Readers.staff(login);
        return versionPage.of(model, number, login, HttpStatus.OK);
    }

    /** The editor's save: the checks panel as an HTML fragment (422 when the checks refuse to store the draft). */
    @PostMapping("/decision-tables/{model}/versions/{number:\\d+}/save")
    ModelAndView save(@PathVariable String model, @PathVariable int number, @RequestParam(defaultValue = "") String xml,
            @RequestParam(defaultValue = "") String examples, Authentication login) {
        Readers.staff(login);
        ModelAndView panel = new ModelAndView("decisiontables/panels :: checks");
        panel.addObject("model", model);
        panel.addObject("number", number);
        if (xml.isBlank()) {
            panel.setStatus(HttpStatus.BAD_REQUEST);
            panel.addObject("problem", "decisionTables.save.empty");
            return panel;
        }
        try {
            DecisionChanges.Saved saved = changes.save(model, number, xml, examples, VersionOrigin.EDITOR, login);
            panel.addObject("checks", saved.checks());
            panel.addObject("saved", true);
        } catch (DecisionChangeRefused refused) {
            panel.setStatus(refused.status());
            panel.addObject("refusal", words.refusal(refused));
            panel.addObject("checks", new CheckReport(refused.findings(), 0));
        }
        return panel;
    }

    /** A {@code .dmn} saved from the Camunda Modeler replaces the draft's XML (its examples stay). */
    @PostMapping("/decision-tables/{model}/versions/{number:\\d+}/upload")
    ModelAndView upload(@PathVariable String model, @PathVariable int number, @RequestParam(name = "file", required = false) MultipartFile file,
            Authentication login) {
        Readers.staff(login);
        if (file == null || file.isEmpty()) {
            return versionPage.withProblem(model, number, login, HttpStatus.BAD_REQUEST, "decisionTables.upload.noFile");
        }
        if (file.getSize() > versionPage.maxDmnBytes()) {
            return versionPage.withProblem(model, number, login, HttpStatus.PAYLOAD_TOO_LARGE, "decisionTables.upload.tooLarge");
        }
        String xml;
        try {
            xml = new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return versionPage.withProblem(model, number, login, HttpStatus.BAD_REQUEST, "decisionTables.upload.unreadable");
        }
        try {
            String examples = changes.examples(model, number);
            DecisionChanges.Saved saved = changes.save(model, number, xml, examples == null ? "" : examples, VersionOrigin.UPLOAD, login);
            ModelAndView page = versionPage.of(model, number, login, HttpStatus.OK);
            page.addObject("checks", saved.checks());
            page.addObject("done", "decisionTables.done.uploaded");
            return page;
        } catch (DecisionChangeRefused refused) {
            ModelAndView page = versionPage.of(model, number, login, refused.status());
            page.addObject("refusal", words.refusal(refused));
            page.addObject("checks", new CheckReport(refused.findings(), 0));
            return page;
        }
    }

    /** The checks of the stored version, run again (an HTML fragment). */
    @GetMapping("/decision-tables/{model}/versions/{number:\\d+}/checks")
    ModelAndView checks(@PathVariable String model, @PathVariable int number, Authentication login) {
        Readers.staff(login);
        ModelAndView panel = new ModelAndView("decisiontables/panels :: checks");
        panel.addObject("model", model);
        panel.addObject("number", number);
        panel.addObject("checks", Readers.found(() -> changes.checks(model, number)));
        return panel;
    }

    /** The what-if replay of the stored version on the recent evaluations of the version in force (an HTML fragment). */
    @GetMapping("/decision-tables/{model}/versions/{number:\\d+}/what-if")
    ModelAndView whatIf(@PathVariable String model, @PathVariable int number, Authentication login) {
        Readers.staff(login);
        DecisionVersion version = Readers.found(() -> changes.version(model, number));
        ModelAndView panel = new ModelAndView("decisiontables/panels :: whatIf");
        panel.addObject("model", model);
        panel.addObject("number", number);
        if (version.state() != VersionState.DRAFT && version.state() != VersionState.SUBMITTED) {
            panel.addObject("problem", "decisionTables.whatIf.onlyOpen");
            return panel;
        }
        try {
            panel.addObject("whatIf", changes.whatIf(model, number));
        } catch (DecisionChangeRefused refused) {
            panel.setStatus(refused.status());
            panel.addObject("refusal", words.refusal(refused));
        }
        return panel;
    }
}
