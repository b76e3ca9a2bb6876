package com.livegov.governance.start;

import java.util.Map;

import com.livegov.governance.decisions.InvalidDecisionInput;
import com.livegov.governance.violations.ViolationEscalation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Report a violation ({@code /start/violation}): starts {@code violationEscalation} as
 * {@code POST /violationEscalation} would, reported by the login.
 */
@Controller
@RequestMapping("/start/violation")
class ViolationPage {

    private static final StartEntry ENTRY = StartEntry.VIOLATION;
    private static final String VIEW = "start/violation";

    private final ProcessLaunch launch;
    private final StartChoices choices;

    ViolationPage(ProcessLaunch launch, StartChoices choices) {
        this.launch = launch;
        this.choices = choices;
    }

    @GetMapping
    String form(@RequestParam(required = false) String streamer, Authentication login, HttpServletRequest request, Model model) {
        launch.requireStarter(login, ENTRY.processId(), request);
        return page(model, ViolationForm.on(streamer), new FormErrors());
    }

    @PostMapping
    String submit(@ModelAttribute("form") ViolationForm form, Authentication login, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes flash) {
        launch.requireStarter(login, ENTRY.processId(), request);
        FormErrors errors = new FormErrors();
        Map<String, Object> variables = form.variables(errors);
        if (errors.isEmpty()) {
            try {
                return StartPage.started(flash, ENTRY, launch.start(login, ViolationEscalation.PROCESS_ID, variables, request));
            } catch (StartRefused refused) {
                noteRefusal(errors, refused);
            }
        }
        response.setStatus(errors.conflict() ? 409 : 400);
        return page(model, form, errors);
    }

    private String page(Model model, ViolationForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("streamers", choices.streamers());
        model.addAttribute("kinds", ViolationForm.KINDS);
        model.addAttribute("sources", ViolationForm.SOURCES);
        model.addAttribute("evidenceMax", ViolationForm.EVIDENCE_MAX);
        return VIEW;
    }

    /** The field the case's opening check or the severity decision refused. */
    private static void noteRefusal(FormErrors errors, StartRefused refused) {
        String message = refused.getMessage();
        if (refused.refusal() instanceof InvalidDecisionInput invalid && ViolationForm.DECISION_INPUTS.contains(invalid.input())) {
            errors.refused(refused, invalid.input(), "start.error.decisionInput");
        } else if (message.startsWith("No streamer")) {
            errors.refused(refused, "streamerId", "start.error.unknownStreamer");
        } else if (message.contains("offboarded")) {
            errors.refused(refused, "streamerId", "start.error.streamerOffboarded");
        } else {
            errors.refused(refused, null, null);
        }
    }
}
