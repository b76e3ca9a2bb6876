package com.livegov.governance.security;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users and their groups, managed by admin. Users are disabled, never deleted: the audit trail names them. */
@RestController
@RequestMapping("/admin/users")
class UsersController {

    private final UserDirectory users;

    UsersController(UserDirectory users) {
        this.users = users;
    }

    record NewUser(String username, String password, List<String> groups) {
    }

    record Groups(List<String> groups) {
    }

    record Password(String password) {
    }

    record Enabled(Boolean enabled) {
    }

    @GetMapping
    List<UserDirectory.User> all() {
        return users.all();
    }

    @GetMapping("/{username}")
    UserDirectory.User one(@PathVariable String username) {
        return users.find(username).orElseThrow(() -> new UserDirectory.UnknownUser(username));
    }

    @PostMapping
    ResponseEntity<UserDirectory.User> create(@RequestBody NewUser user, Principal admin) {
        return ResponseEntity.status(HttpStatus.CREATED).body(users.create(user.username(), user.password(), user.groups(), admin.getName()));
    }

    @PutMapping("/{username}/groups")
    UserDirectory.User groups(@PathVariable String username, @RequestBody Groups groups, Principal admin) {
        return users.changeGroups(username, groups.groups(), admin.getName());
    }

    @PutMapping("/{username}/password")
    UserDirectory.User password(@PathVariable String username, @RequestBody Password password, Principal admin) {
        return users.changePassword(username, password.password(), admin.getName());
    }

    @PutMapping("/{username}/enabled")
    UserDirectory.User enabled(@PathVariable String username, @RequestBody Enabled enabled, Principal admin) {
        if (enabled.enabled() == null) {
            throw new UserDirectory.Refused("'enabled' must be true or false", false);
        }
        return users.enable(username, enabled.enabled(), admin.getName());
    }

    @ExceptionHandler(UserDirectory.Refused.class)
    ProblemDetail refused(UserDirectory.Refused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("User change refused");
        return problem;
    }

    @ExceptionHandler(UserDirectory.UnknownUser.class)
    ProblemDetail unknown(UserDirectory.UnknownUser e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown user");
        return problem;
    }
}
