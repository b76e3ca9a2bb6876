package com.livegov.governance.config;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body above 64 KiB reaches an endpoint: a declared length above it answers 413 at once, and so
 * does a body sent without a declared length (chunked), which is refused rather than read. Nothing the API
 * takes is that large; task forms and process starts are a few hundred bytes. The exception: a POST of a file
 * to an upload endpoint ({@link #UPLOAD_PATHS}: streamer imports, settlement figures) may have up to 2 MiB, and so
 * may a decision model saved or uploaded by its owners ({@link #MODEL_PATHS}; their own limit, smaller, is checked
 * there with a message of its own).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The limit of an uploaded file: 2 MiB, about 10,000 rows of streamers or 40,000 rows of figures. */
    public static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
    /** The path prefixes (without the context path) where a POST takes a file. */
    public static final List<String> UPLOAD_PATHS = List.of("/imports/", "/commission-settlements/figures/", "/processes/changes");
    /** The path prefixes where a PUT or POST carries a decision model (the API and the workbench's editor). */
    public static final List<String> MODEL_PATHS = List.of("/decision-models/", "/decision-tables/");

    private final ObjectMapper json;

    RequestSizeLimit(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        int limit = isUpload(request) ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES;
        if (length > limit || chunked) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, chunked
                    ? "Send the request body with a Content-Length of at most " + limit + " bytes"
                    : "The request body is larger than " + limit + " bytes");
            problem.setTitle("Request too large");
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())) && MODEL_PATHS.stream().anyMatch(path::startsWith)) {
            return true;
        }
        return "POST".equals(request.getMethod()) && UPLOAD_PATHS.stream().anyMatch(path::startsWith);
    }
}
