package com.livegov.governance.inbox;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Kogito 10.1's generated user-task endpoint declares {@code consumes = application/json} on the whole class, so a
 * {@code GET /usertasks/instance} (or any read or delete, which has no body) without a {@code Content-Type}
 * header answers 415. Such a request is given {@code Content-Type: application/json} here; requests with a body,
 * or with a content type of their own, pass unchanged.
 */
@Component
class TaskReadsWithoutContentType extends OncePerRequestFilter {

    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "DELETE");
    private static final String TASK_API = "/usertasks/instance";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !WITHOUT_BODY.contains(request.getMethod()) || request.getContentType() != null
                || !(path.equals(TASK_API) || path.startsWith(TASK_API + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new JsonContentType(request), response);
    }

    /** The request, saying its (empty) body is JSON. */
    private static final class JsonContentType extends HttpServletRequestWrapper {

        JsonContentType(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.enumeration(Set.of(MediaType.APPLICATION_JSON_VALUE))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            java.util.List<String> names = Collections.list(super.getHeaderNames());
            names.add(HttpHeaders.CONTENT_TYPE);
            return Collections.enumeration(names);
        }
    }
}
