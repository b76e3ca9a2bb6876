package com.livegov.governance.config;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The answer of an error that no handler of ours answered (a {@code sendError} of Spring's or the servlet
 * container's, a request the firewall refused): for an API client an RFC 7807 problem document, like every other
 * error answer, naming nothing but the status; a browser still gets the workbench's error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

    private final UnavailableDatabase unavailable;

    ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties server, ObjectProvider<ErrorViewResolver> resolvers,
            UnavailableDatabase unavailable) {
        super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
        this.unavailable = unavailable;
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status.is5xxServerError() && UnavailableDatabase.explains((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            // a lost database connection that escaped every handler (a filter's, say): 503, to be sent again later
            return unavailable.answerAsMap(request, UnavailableDatabase.Reason.DATABASE);
        }
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", status.is5xxServerError() ? "The request could not be completed; the incident is logged"
                : "The request cannot be accepted as it is: " + status.getReasonPhrase().toLowerCase());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.put("instance", uri.toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
