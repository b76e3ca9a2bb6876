package com.livegov.governance.start;

import java.time.Instant;
import java.util.Map;

import com.livegov.governance.decisions.InvalidDecisionInput;
import com.livegov.governance.offboarding.StreamerOffboarding;
import com.livegov.governance.workbench.Times;
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
 * Start an offboarding ({@code /start/offboarding}): starts {@code streamerOffboarding} as
 * {@code POST /streamerOffboarding} would, initiated by the login. The start closes every open account of the
 * streamer at once, so the page says so before the button.
 */
@Controller
@RequestMapping("/start/offboarding")
class OffboardingPage {

    private static final StartEntry ENTRY = StartEntry.OFFBOARDING;
    private static final String VIEW = "start/offboarding";

    private final ProcessLaunch launch;
    private final StartChoices choices;
    private final Times times;

    OffboardingPage(ProcessLaunch launch, StartChoices choices, Times times) {
        this.launch = launch;
        this.choices = choices;
        this.times = times;
    }

    @GetMapping
    String form(@RequestParam(required = false) String streamer, Authentication login, HttpServletRequest request, Model model) {
        launch.requireStarter(login, ENTRY.processId(), request);
        return page(model, OffboardingForm.on(streamer, times.inputValue(Instant.now())), new FormErrors());
    }

    @PostMapping
    String submit(@ModelAttribute("form") OffboardingForm form, Authentication login, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes flash) {
        launch.requireStarter(login, ENTRY.processId(), request);
        FormErrors errors = new FormErrors();
        Map<String, Object> variables = form.variables(errors, times.zone());
        if (errors.isEmpty()) {
            try {
                return StartPage.started(flash, ENTRY, launch.start(login, StreamerOffboarding.PROCESS_ID, variables, request));
            } catch (StartRefused refused) {
                noteRefusal(errors, refused);
            }
        }
        response.setStatus(errors.conflict() ? 409 : 400);
        return page(model, form, errors);
    }

    private String page(Model model, OffboardingForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("streamers", choices.streamersStaying());
        model.addAttribute("reasons", OffboardingForm.REASONS);
        model.addAttribute("investments", OffboardingForm.IP_INVESTMENTS);
        model.addAttribute("zone", times.zone().getId());
        return VIEW;
    }

    private static void noteRefusal(FormErrors errors, StartRefused refused) {
        String message = refused.getMessage();
        if (refused.refusal() instanceof InvalidDecisionInput invalid && OffboardingForm.DECISION_INPUTS.contains(invalid.input())) {
            errors.refused(refused, invalid.input(), "start.error.decisionInput");
        } else if (refused.conflict()) {
            errors.refused(refused, "streamerId", "start.error.alreadyOffboarding");
        } else if (message.startsWith("No streamer")) {
            errors.refused(refused, "streamerId", "start.error.unknownStreamer");
        } else if (message.startsWith("departureTime")) {
            errors.refused(refused, "departureTime", "start.error.dateTime");
        } else {
            errors.refused(refused, null, null);
        }
    }
}
