package com.livegov.governance.start;

import com.livegov.governance.review.PermissionReview;
import com.livegov.governance.review.ReviewConflict;
import com.livegov.governance.review.ReviewStarter;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Run a permission review now ({@code /start/permission-review}): through {@link ReviewStarter}, the starter of
 * {@code POST /permission-reviews}, started by the login. A quarter reviewed already answers 409 and names the review.
 */
@Controller
@RequestMapping("/start/permission-review")
class PermissionReviewPage {

    private static final StartEntry ENTRY = StartEntry.PERMISSION_REVIEW;
    private static final String VIEW = "start/permission-review";

    private final ProcessLaunch launch;
    private final ReviewStarter reviews;
    private final Times times;

    PermissionReviewPage(ProcessLaunch launch, ReviewStarter reviews, Times times) {
        this.launch = launch;
        this.reviews = reviews;
        this.times = times;
    }

    @GetMapping
    String form(Authentication login, HttpServletRequest request, Model model) {
        launch.requireStarter(login, ENTRY.processId(), request);
        return page(model, new ReviewForm(ReviewForm.quarters(times.zone()).get(0)), new FormErrors());
    }

    @PostMapping
    String submit(@ModelAttribute("form") ReviewForm form, Authentication login, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes flash) {
        launch.requireStarter(login, ENTRY.processId(), request);
        FormErrors errors = new FormErrors();
        String quarter = form.checked(errors);
        if (errors.isEmpty()) {
            try {
                return StartPage.started(flash, ENTRY, launch.start(login, PermissionReview.PROCESS_ID, request,
                        startedBy -> reviews.start(quarter, startedBy)));
            } catch (StartRefused refused) {
                if (refused.refusal() instanceof ReviewConflict conflict) {
                    errors.refused(refused, "quarter", "start.error.quarterReviewed", conflict.existingReviewId());
                } else {
                    errors.refused(refused, "quarter", "start.error.quarterRefused");
                }
            }
        }
        response.setStatus(errors.conflict() ? 409 : 400);
        return page(model, form, errors);
    }

    private String page(Model model, ReviewForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("quarters", ReviewForm.quarters(times.zone()));
        return VIEW;
    }
}
