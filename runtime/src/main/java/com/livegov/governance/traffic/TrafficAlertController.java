package com.livegov.governance.traffic;

import java.util.Map;

import com.livegov.governance.decisions.InvalidDecisionInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The intake of period metrics from traffic monitoring: {@code POST /traffic-alerts} grades them with the
 * TrafficAlert decision, stores the alert and, at {@code INVESTIGATE}, opens a violation case. A new alert
 * answers 201, a repeat of the same streamer and period 200 with the first alert. Bad metrics answer 400, an
 * unknown streamer 404, the same period with other metrics 409; nothing is stored or started then.
 */
@RestController
@RequestMapping("/traffic-alerts")
@Tag(name = "Traffic alerts", description = "Period metrics of streamers, graded by the TrafficAlert decision")
class TrafficAlertController {

    private final TrafficAlerts alerts;

    TrafficAlertController(TrafficAlerts alerts) {
        this.alerts = alerts;
    }

    @PostMapping
    @Operation(summary = "Receives a streamer's period metrics; an INVESTIGATE opens a violation case (once per period)")
    ResponseEntity<TrafficAlert> receive(@RequestBody Map<String, Object> given, UriComponentsBuilder uri, java.security.Principal login) {
        // the reporter is the logged-in sender (a monitoring system's own login), not a name in the body
        Map<String, Object> body = new java.util.HashMap<>(given);
        body.put("reportedBy", login.getName());
        TrafficAlerts.Received received = alerts.receive(AlertReport.from(body));
        if (received.repeated()) {
            return ResponseEntity.ok(received.alert());
        }
        return ResponseEntity.created(uri.path("/traffic-alerts/{id}").buildAndExpand(received.alert().alertId()).toUri())
                .body(received.alert());
    }

    @GetMapping("/{alertId}")
    @Operation(summary = "A stored traffic alert, with the violation case it opened, if any")
    TrafficAlert alert(@PathVariable String alertId) {
        return alerts.find(alertId)
                .orElseThrow(() -> new AlertProblem(AlertProblem.Kind.NOT_FOUND, null, "No traffic alert " + alertId));
    }

    @ExceptionHandler
    ProblemDetail refused(AlertProblem e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_INVESTIGABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Traffic alert refused");
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidDecisionInput e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Traffic alert refused");
        problem.setProperty("field", e.input());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body must be a JSON object with the period metrics");
        problem.setTitle("Traffic alert refused");
        return problem;
    }
}
