package com.livegov.governance.config;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.inbox.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Text that the API cannot keep is refused before any endpoint sees it: a control character (NUL, escape, bell,
 * ...; tab, line feed and carriage return are text) in a path, a query parameter or any string or field name of a
 * JSON body, and a JSON body nested deeper than {@link #MAX_DEPTH} levels. PostgreSQL cannot store NUL in text at
 * all, and no identifier, name or reason of this API holds the other control characters. The answer is a 400
 * problem document naming the parameter or the field (as a JSON pointer); nothing is read further.
 *
 * <p>Also refused here, because Kogito's generated endpoints fail on them with a 500: a business key longer than
 * the 255 characters its table holds, a body of a user task's inputs or outputs that is not a JSON object, and an
 * attachment without its {@code uri}.
 *
 * <p>Runs after the security filters (an anonymous request gets its 401 first) and after the size limit
 * ({@link RequestSizeLimit}), which bounds the body read here.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
class EarlyInputChecks extends OncePerRequestFilter {

    /** Deeper than anything the API takes (an import is four levels deep). */
    static final int MAX_DEPTH = 32;
    /** Kogito's {@code business_key_mapping.business_key} is a {@code char(255)}. */
    static final int MAX_BUSINESS_KEY = 255;
    private static final java.util.regex.Pattern TASK_DATA = java.util.regex.Pattern.compile("^/usertasks/instance/[^/]+/(inputs|outputs)$");
    private static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile("^/usertasks/instance/[^/]+/comments(/[^/]+)?$");
    private static final java.util.regex.Pattern ATTACHMENT = java.util.regex.Pattern.compile("^/usertasks/instance/[^/]+/attachments(/[^/]+)?$");

    private final ObjectMapper json;
    private final MessageSource messages;
    private final JsonFactory parsers = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
            .build();

    EarlyInputChecks(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Refusal> refusal = inPath(request).or(() -> inQuery(request));
        HttpServletRequest passed = request;
        if (refusal.isEmpty() && hasJsonBody(request)) {
            byte[] body = request.getInputStream().readAllBytes();
            refusal = inBody(body).or(() -> taskBodyShape(request, body));
            passed = new CachedBodyRequest(request, body);
        }
        if (refusal.isPresent()) {
            Locale locale = request.getLocale();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refusal.get().detail(messages, locale));
            problem.setTitle(messages.getMessage("inputCheck.title", null, locale));
            problem.setProperty("code", refusal.get().code());
            problem.setProperty(refusal.get().kind(), refusal.get().name());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(passed, response);
    }

    /**
     * Where the refused text is ({@code field}, {@code parameter}, {@code path}), its name, and why: the key
     * {@code inputCheck.<kind>.<code>} of the bundle {@code messages/inputchecks}, with its arguments after the name.
     */
    record Refusal(String kind, String name, String code, Object... args) {

        String detail(MessageSource messages, Locale locale) {
            Object[] all = new Object[args.length + 1];
            all[0] = name;
            System.arraycopy(args, 0, all, 1, args.length);
            return messages.getMessage("inputCheck." + kind + "." + code, all, locale);
        }
    }

    private static Optional<Refusal> inPath(HttpServletRequest request) {
        String path = request.getRequestURI();
        String decoded;
        try {
            decoded = UriUtils.decode(path, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.of(new Refusal("path", path, "badEncoding"));
        }
        return controlCharacterIn(decoded).map(c -> new Refusal("path", path, "controlCharacter", c));
    }

    private static Optional<Refusal> inQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = UriUtils.decode(equals < 0 ? pair : pair.substring(0, equals), java.nio.charset.StandardCharsets.UTF_8);
                value = equals < 0 ? "" : UriUtils.decode(pair.substring(equals + 1).replace('+', ' '), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.of(new Refusal("parameter", pair, "badEncoding"));
            }
            if (name.equals("businessKey") && value.length() > MAX_BUSINESS_KEY) {
                return Optional.of(new Refusal("parameter", name, "businessKeyTooLong", MAX_BUSINESS_KEY));
            }
            Optional<String> found = controlCharacterIn(name + value);
            if (found.isPresent()) {
                String shown = printable(name);
                return Optional.of(new Refusal("parameter", shown, "controlCharacter", found.get()));
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> inBody(byte[] body) throws IOException {
        try (JsonParser parser = parsers.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    Optional<String> found = controlCharacterIn(parser.getText());
                    if (found.isPresent()) {
                        String field = token == JsonToken.FIELD_NAME
                                ? parser.getParsingContext().getParent().pathAsPointer().toString() + "/" + printable(parser.currentName())
                                : parser.getParsingContext().pathAsPointer().toString();
                        String shown = field.isEmpty() ? "/" : field;
                        return Optional.of(new Refusal("field", shown, "controlCharacter", found.get()));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            if (e.getMessage() != null && e.getMessage().contains("nesting depth")) {
                return Optional.of(new Refusal("field", "/", "tooDeep", MAX_DEPTH));
            }
            // malformed JSON: the endpoint answers that itself, with its own words
        }
        return Optional.empty();
    }

    /** A user task's inputs and outputs are a JSON object; an attachment names its {@code uri}. */
    private Optional<Refusal> taskBodyShape(HttpServletRequest request, byte[] body) {
        String method = request.getMethod();
        if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
            return Optional.empty(); // reading or deleting a task's data, comments or attachments carries no body
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean data = TASK_DATA.matcher(path).matches();
        boolean attachment = ATTACHMENT.matcher(path).matches();
        boolean comment = COMMENT.matcher(path).matches();
        if (!data && !attachment && !comment) {
            return Optional.empty();
        }
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            return Optional.of(new Refusal("field", "/", "malformedJson"));
        }
        if (tree == null || !tree.isObject()) {
            return Optional.of(new Refusal("field", "/", "notAnObject"));
        }
        if (attachment && !(tree.path("uri").isTextual() && !tree.path("uri").asText().isBlank())) {
            return Optional.of(new Refusal("field", "/uri", "attachmentWithoutUri"));
        }
        if (comment && !(tree.path("comment").isTextual() && !tree.path("comment").asText().isBlank())) {
            return Optional.of(new Refusal("field", "/comment", "commentWithoutText"));
        }
        return Optional.empty();
    }

    private static boolean hasJsonBody(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || request.getContentLengthLong() == 0) {
            return false;
        }
        try {
            MediaType mediaType = MediaType.parseMediaType(type);
            return "json".equals(mediaType.getSubtype()) || mediaType.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The first control character of the text other than tab, line feed and carriage return, as U+XXXX. */
    static Optional<String> controlCharacterIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return Optional.of(String.format("U+%04X", (int) c));
            }
        }
        return Optional.empty();
    }

    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.chars().forEach(c -> shown.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return shown.toString();
    }
}
