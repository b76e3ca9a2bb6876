package com.livegov.governance.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livegov.governance.inbox.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A process started over REST names who started it in one of its variables ({@code requestedBy} of an
 * approval, {@code initiatedBy} of an offboarding; {@code governance.security.process-actors}). That variable
 * is always the logged-in user: whatever the body says is replaced. Bodies above 64 KiB answer 413, bodies
 * that are not a JSON object 400.
 */
@Component
class ProcessStarter extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = com.livegov.governance.config.RequestSizeLimit.MAX_BODY_BYTES;

    private final Map<String, String> actorVariables;
    private final ObjectMapper json;
    private final ProblemResponses problems;

    ProcessStarter(IdentityProperties properties, ObjectMapper json, ProblemResponses problems) {
        this.actorVariables = properties.processActors();
        this.json = json;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || processId(request) == null || request.getUserPrincipal() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", "The request body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        JsonNode start;
        try {
            start = json.readTree(body);
        } catch (JsonProcessingException e) {
            problems.write(response, HttpStatus.BAD_REQUEST, "Malformed request", "The request body is not valid JSON");
            return;
        }
        if (!(start instanceof ObjectNode variables)) {
            problems.write(response, HttpStatus.BAD_REQUEST, "Malformed request", "The request body must be a JSON object of the process's variables");
            return;
        }
        variables.put(actorVariables.get(processId(request)), request.getUserPrincipal().getName());
        chain.doFilter(new CachedBodyRequest(request, json.writeValueAsBytes(variables)), response);
    }

    private String processId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String id = path.startsWith("/") ? path.substring(1) : path;
        return actorVariables.containsKey(id) ? id : null;
    }
}
