package com.livegov.governance.review;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarterly permission review over REST: run one now, read a review's result, list the reviews. The
 * ops-managers' review tasks are in the inbox ({@code /usertasks/instance}).
 */
@RestController
@RequestMapping("/permission-reviews")
class ReviewController {

    private static final Set<String> START_FIELDS = Set.of("startedBy", "quarter");

    private final ReviewStarter starter;
    private final ReviewResults results;

    ReviewController(ReviewStarter starter, ReviewResults results) {
        this.starter = starter;
        this.results = results;
    }

    /**
     * Starts a review now: {@code {"quarter": "2026-Q4"}}, the quarter optional (by default the quarter under
     * way). The review is started by the logged-in user ({@code startedBy} in the body is ignored). A quarter is
     * reviewed once: 409 names the review it already has.
     */
    @PostMapping
    ResponseEntity<ReviewView> start(@RequestBody Map<String, Object> given, java.security.Principal login) {
        Map<String, Object> body = new java.util.HashMap<>(given);
        body.put("startedBy", login.getName());
        body.keySet().stream().filter(key -> !START_FIELDS.contains(key)).sorted().findFirst().ifPresent(key -> {
            throw new ReviewRefused(key + " is not a field of a review request; the fields are startedBy and quarter");
        });
        String id = starter.start(text(body, "quarter"), text(body, "startedBy"));
        return ResponseEntity.created(URI.create("/permission-reviews/" + id)).body(view(id));
    }

    @GetMapping("/{id}")
    ReviewView review(@PathVariable String id) {
        return view(id);
    }

    @GetMapping
    List<ReviewView.Summary> reviews(@RequestParam(required = false) String quarter) {
        return results.reviews(quarter == null ? null : ReviewQuarter.parse(quarter).toString());
    }

    @ExceptionHandler
    ProblemDetail refused(ReviewRefused e) {
        return problem(HttpStatus.BAD_REQUEST, "Request refused", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ReviewConflict e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Quarter reviewed already", e.getMessage());
        problem.setProperty("review", e.existingReviewId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownReview e) {
        return problem(HttpStatus.NOT_FOUND, "No review", e.getMessage());
    }

    /** No review has this id. */
    static class UnknownReview extends RuntimeException {
        UnknownReview(String id) {
            super("No permission review " + id);
        }
    }

    private ReviewView view(String id) {
        return results.review(id).orElseThrow(() -> new UnknownReview(id));
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw new ReviewRefused(field + " must be text, not " + value);
        }
        return (String) value;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
