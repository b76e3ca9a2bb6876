package com.livegov.governance.config;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kie.kogito.process.Processes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Kogito's generated process endpoints ({@code /{processId}/{id}...}) hand the instance id to the database as a
 * UUID; any other id failed there with a 500. An id that is not a UUID names no instance: 404, before the endpoint.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 2)
class ProcessInstanceIds extends OncePerRequestFilter {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ObjectProvider<Processes> processes;
    private final ObjectMapper json;
    private volatile Set<String> processIds;

    ProcessInstanceIds(ObjectProvider<Processes> processes, ObjectMapper json) {
        this.processes = processes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] segments = request.getRequestURI().substring(request.getContextPath().length()).split("/");
        // "", processId, instance id, ...; not the process's schemas (/{processId}/schema, /{processId}/{task}/schema)
        boolean schema = segments.length == 3 && "schema".equals(segments[2]) || segments.length == 4 && "schema".equals(segments[3]);
        if (segments.length >= 3 && !schema && processIds().contains(segments[1]) && !UUID.matcher(segments[2]).matches()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such process instance");
            problem.setTitle("Unknown process instance");
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private Set<String> processIds() {
        Set<String> ids = processIds;
        if (ids == null) {
            ids = Set.copyOf(processes.getObject().processIds());
            processIds = ids;
        }
        return ids;
    }
}
