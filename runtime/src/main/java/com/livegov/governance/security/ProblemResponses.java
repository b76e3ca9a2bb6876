package com.livegov.governance.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.config.UnavailableDatabase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Answers a missing login (401) and a refused one (403) as RFC 7807 problem documents; a browser asking for a
 * page is sent to the login form instead.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final RefusalLog refusals;
    private final UnavailableDatabase unavailable;
    private final LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");

    ProblemResponses(ObjectMapper json, RefusalLog refusals, UnavailableDatabase unavailable) {
        this.json = json;
        this.refusals = refusals;
        this.unavailable = unavailable;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (UnavailableDatabase.explains(e)) {
            // the login could not be checked, not refused: the database is away (503 with Retry-After)
            unavailable.writeUnreachable(request, response);
            return;
        }
        if (wantsPage(request)) {
            loginPage.commence(request, response, e);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"streamer-governance\"");
        write(response, HttpStatus.UNAUTHORIZED, "Login required", "Log in (form, HTTP Basic or a bearer token) to use this endpoint");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        String reason = request.getUserPrincipal() == null ? "This endpoint needs a login"
                : "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI();
        refusals.refused(request, HttpStatus.FORBIDDEN, reason);
        if (wantsPage(request)) {
            // a logged-in browser asking for a page it may not see gets the workbench's error page
            response.sendError(HttpStatus.FORBIDDEN.value());
            return;
        }
        write(response, HttpStatus.FORBIDDEN, "Not allowed", reason);
    }

    /** A browser asking for a page, without credentials of its own. */
    static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("Authorization") == null && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
