package com.livegov.governance.start;

import java.util.List;
import java.util.Map;

import com.livegov.governance.accounts.AccountProblem;
import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.decisions.InvalidDecisionInput;
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
 * Request an account action ({@code /start/account-action}): starts {@code accountActionApproval} as
 * {@code POST /accountActionApproval} would, requested by the login.
 */
@Controller
@RequestMapping("/start/account-action")
class AccountActionPage {

    private static final StartEntry ENTRY = StartEntry.ACCOUNT_ACTION;
    private static final String VIEW = "start/account-action";
    private static final List<String> PARAMETER_FIELDS = List.of("suspensionDays", "level", "targetAccountId");

    private final ProcessLaunch launch;
    private final StartChoices choices;

    AccountActionPage(ProcessLaunch launch, StartChoices choices) {
        this.launch = launch;
        this.choices = choices;
    }

    /** The empty form; {@code account} preselects an account, {@code q} narrows the accounts offered. */
    @GetMapping
    String form(@RequestParam(required = false) String account, @RequestParam(required = false) String q,
            Authentication login, HttpServletRequest request, Model model) {
        launch.requireStarter(login, ENTRY.processId(), request);
        return page(model, AccountActionForm.on(account), new FormErrors(), q);
    }

    @PostMapping
    String submit(@ModelAttribute("form") AccountActionForm form, Authentication login, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes flash) {
        launch.requireStarter(login, ENTRY.processId(), request);
        FormErrors errors = new FormErrors();
        Map<String, Object> variables = form.variables(errors, form.subject() == null ? java.util.Optional.empty() : choices.account(form.subject()));
        if (errors.isEmpty()) {
            try {
                return StartPage.started(flash, ENTRY, launch.start(login, ENTRY.processId(), variables, request));
            } catch (StartRefused refused) {
                noteRefusal(errors, refused);
            }
        }
        response.setStatus(errors.conflict() ? 409 : 400);
        return page(model, form, errors, null);
    }

    private String page(Model model, AccountActionForm form, FormErrors errors, String search) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("search", search);
        model.addAttribute("accounts", choices.accounts(search));
        model.addAttribute("targets", choices.accounts(null));
        model.addAttribute("actions", AccountActionForm.ACTIONS);
        model.addAttribute("severities", AccountActionForm.SEVERITIES);
        model.addAttribute("levels", AccountActionForm.LEVELS);
        model.addAttribute("reasonMax", AccountActionForm.REASON_MAX);
        return VIEW;
    }

    /** The field the approval's request check refused, with the words for it. */
    private static void noteRefusal(FormErrors errors, StartRefused refused) {
        Throwable refusal = refused.refusal();
        if (refusal instanceof AccountProblem problem) {
            switch (problem.kind()) {
                case UNKNOWN_ACCOUNT -> errors.refused(refused, "subject", "start.error.unknownAccount");
                case NOT_ALLOWED -> errors.refused(refused, "action", "start.error.actionNotAllowed");
                case INVALID_PARAMETER -> errors.refused(refused, PARAMETER_FIELDS.stream()
                        .filter(field -> problem.getMessage().contains(field)).findFirst().orElse("action"), "start.error.invalidParameter");
            }
        } else if (refusal instanceof InvalidDecisionInput invalid && List.of("action", "severity").contains(invalid.input())) {
            errors.refused(refused, invalid.input(), "start.error.choice");
        } else {
            errors.refused(refused, null, null);
        }
    }
}
