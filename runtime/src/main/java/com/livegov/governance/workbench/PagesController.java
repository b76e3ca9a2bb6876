package com.livegov.governance.workbench;

import java.security.Principal;
import java.time.Clock;

import com.livegov.governance.inbox.HomeTasks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form and the home page: what needs the user's attention today. */
@Controller
@WorkbenchPage
class PagesController {

    private final HomeFigures figures;
    private final HomeTasks tasks;
    private final Times times;
    private final Clock clock;

    PagesController(HomeFigures figures, HomeTasks tasks, Times times) {
        this.figures = figures;
        this.tasks = tasks;
        this.times = times;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/login")
    String login() {
        return "workbench/login";
    }

    @GetMapping("/")
    String home(Principal login, Model model) {
        model.addAttribute("home", figures.of(login.getName(), clock.instant()));
        model.addAttribute("tasks", tasks.of(login, clock.instant(), times.zone()));
        return "workbench/home";
    }
}
