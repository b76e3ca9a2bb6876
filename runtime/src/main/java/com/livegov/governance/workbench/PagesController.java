package com.livegov.governance.workbench;

import java.security.Principal;
import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form and the home page: what needs the user's attention today. */
@Controller
class PagesController {

    private final HomeFigures figures;
    private final Clock clock;

    PagesController(HomeFigures figures) {
        this.figures = figures;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/login")
    String login() {
        return "workbench/login";
    }

    @GetMapping("/")
    String home(Principal login, Model model) {
        model.addAttribute("home", figures.of(login.getName(), clock.instant()));
        return "workbench/home";
    }
}
