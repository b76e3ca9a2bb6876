package com.livegov.governance.config;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC matches a request whose path has a variable ({@code /decisions/CommissionSplit}) against every
 * registered mapping in turn, checking method, headers and media types before the path. Kogito generates
 * about 500 mappings, so that scan was a quarter of the CPU of a decision request (and it runs twice: once
 * for Spring Security's matchers, once for the dispatch). This mapping first compares the request's first
 * path segment with each mapping's literal first segments and skips a mapping that cannot match; a
 * mapping whose pattern starts with a variable or wildcard is always checked in full, and so is every mapping
 * when the request path has not been parsed. The result is the one
 * Spring would have found: only impossible candidates are skipped.
 */
@Configuration
class FirstSegmentMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new Mapping();
    }

    static final class Mapping extends RequestMappingHandlerMapping {

        /** The literal first segments of a mapping's patterns; empty when any pattern may match any first segment. */
        private final Map<RequestMappingInfo, Optional<Set<String>>> firstSegments = new ConcurrentHashMap<>();

        /** The first segment of the request being looked up on this thread; null when unknown. */
        private final ThreadLocal<String> requestFirstSegment = new ThreadLocal<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            requestFirstSegment.set(ServletRequestPathUtils.hasParsedRequestPath(request)
                    ? firstSegment(ServletRequestPathUtils.getParsedRequestPath(request)) : null);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                requestFirstSegment.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String first = requestFirstSegment.get();
            if (first != null) {
                Optional<Set<String>> literals = firstSegments.computeIfAbsent(info, Mapping::literalFirstSegments);
                if (literals.isPresent() && !literals.get().contains(first)) {
                    return null;
                }
            }
            return super.getMatchingMapping(info, request);
        }

        private static Optional<Set<String>> literalFirstSegments(RequestMappingInfo info) {
            if (info.getPathPatternsCondition() == null) {
                return Optional.empty();
            }
            Set<String> literals = new HashSet<>();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String text = pattern.getPatternString();
                String first = text.startsWith("/") ? text.substring(1) : text;
                int slash = first.indexOf('/');
                first = slash < 0 ? first : first.substring(0, slash);
                if (first.isEmpty() || first.contains("{") || first.contains("*") || first.contains("?")) {
                    return Optional.empty();
                }
                literals.add(first);
            }
            return Optional.of(literals);
        }

        /** The request's first path segment within the application, decoded as the patterns match it. */
        private static String firstSegment(RequestPath path) {
            for (PathContainer.Element element : path.pathWithinApplication().elements()) {
                if (element instanceof PathContainer.PathSegment segment) {
                    return segment.valueToMatch();
                }
            }
            return "";
        }
    }
}
