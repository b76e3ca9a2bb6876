package com.livegov.governance.inbox;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The login's own out-of-office substitutes: {@code GET /inbox/substitutes} (the ones I named, and where I stand
 * in for others), {@code POST /inbox/substitutes} with {@code {"substitute": "user", "from": "...Z", "until": "...Z"}}
 * (201), {@code DELETE /inbox/substitutes/{id}} (204; 404 for an id that is not one of mine).
 */
@RestController
@RequestMapping(path = "/inbox/substitutes", produces = MediaType.APPLICATION_JSON_VALUE)
class SubstitutesController {

    private static final Set<String> FIELDS = Set.of("substitute", "from", "until");

    private final Substitutes substitutes;

    SubstitutesController(Substitutes substitutes) {
        this.substitutes = substitutes;
    }

    @GetMapping
    Map<String, List<Substitution>> mine(Principal login) {
        return Map.of("named", substitutes.namedBy(login.getName()), "standingInFor", substitutes.standingInFor(login.getName()));
    }

    @PostMapping
    ResponseEntity<Substitution> name(@RequestBody Map<String, Object> body, Principal login) {
        InboxRequests.onlyFields(body, FIELDS);
        Substitution named = substitutes.name(login.getName(), InboxRequests.text(body, "substitute", 63),
                InboxRequests.instant("from", InboxRequests.text(body, "from", 64)),
                InboxRequests.instant("until", InboxRequests.text(body, "until", 64)));
        return ResponseEntity.created(URI.create("/inbox/substitutes/" + named.id())).body(named);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Object> remove(@PathVariable String id, Principal login) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidInboxRequest("id", "must be a substitution's number");
        }
        if (!substitutes.remove(login.getName(), number)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(InboxProblems.problem(HttpStatus.NOT_FOUND, "No such substitution", "You have no substitution " + id));
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidInboxRequest e) {
        ProblemDetail problem = InboxProblems.problem(HttpStatus.BAD_REQUEST, "Invalid substitution", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return InboxProblems.answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return InboxProblems.answer(InboxProblems.problem(HttpStatus.BAD_REQUEST, "Invalid substitution", "The body is not a JSON object"));
    }
}
