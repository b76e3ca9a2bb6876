package com.livegov.governance.violations;

import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Kogito generates a REST endpoint for every signal a process waits for. The violation's
 * {@value ViolationApprovals#CONCLUDED} signal means "every approval has ended" and is sent only by
 * {@link ViolationApprovals}; a client sending it would move the case on before its approvals ended, so the
 * endpoint answers 403.
 */
@Component
class ConcludedSignalGuard extends OncePerRequestFilter {

    private static final Pattern SIGNAL = Pattern.compile(
            "^/" + ViolationEscalation.PROCESS_ID + "/[^/]+/" + ViolationApprovals.CONCLUDED + "/?$");

    private final ObjectMapper json;

    ConcludedSignalGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SIGNAL.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "A violation learns that its approvals ended from the approvals themselves");
        problem.setTitle("Signal reserved to the application");
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
