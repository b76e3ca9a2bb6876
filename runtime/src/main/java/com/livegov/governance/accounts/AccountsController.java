package com.livegov.governance.accounts;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read access to a streamer's accounts, grants and the actions taken on them. Accounts change only through
 * {@link AccountActions}, executed by processes.
 */
@RestController
@RequestMapping("/accounts")
class AccountsController {

    private final StreamerRegistry registry;
    private final AccountActions actions;

    AccountsController(StreamerRegistry registry, AccountActions actions) {
        this.registry = registry;
        this.actions = actions;
    }

    @GetMapping("/streamers/{streamerId}")
    Map<String, Object> streamer(@PathVariable String streamerId) {
        if (!registry.exists(streamerId)) {
            throw new AccountProblem(AccountProblem.Kind.UNKNOWN_ACCOUNT, "No streamer " + streamerId);
        }
        List<Map<String, Object>> accounts = registry.accountsOf(streamerId);
        return Map.of("streamerId", streamerId, "accounts", accounts, "grants", registry.grantsOf(streamerId));
    }

    @GetMapping("/{accountId}/actions")
    List<ActionRecord> actions(@PathVariable String accountId) {
        return actions.history(accountId);
    }

    @ExceptionHandler
    ProblemDetail accountProblem(AccountProblem e) {
        HttpStatus status = switch (e.kind()) {
            case UNKNOWN_ACCOUNT -> HttpStatus.NOT_FOUND;
            case INVALID_PARAMETER -> HttpStatus.BAD_REQUEST;
            case NOT_ALLOWED -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Account action refused");
        return problem;
    }
}
