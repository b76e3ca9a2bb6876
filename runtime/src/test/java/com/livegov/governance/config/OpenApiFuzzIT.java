package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the application's own OpenAPI document ({@code /v3/api-docs}) and sends it malformed and
 * mistyped input, logged in as a user of every staff group so that requests get past the security rules to the
 * handlers:
 * <ul>
 * <li>bodies that are not the object an operation takes: malformed JSON, an array, a string, a number, {@code null},
 * objects and arrays nested 2,000 levels deep;</li>
 * <li>a body shaped like the operation's schema with one field spoilt at a time: NUL and other control characters
 * inside a string, a number or an object where a string is expected, a string, a boolean, a huge number or a negative
 * fraction where a number is expected, a number or a string where a boolean is expected;</li>
 * <li>path and query parameters holding a NUL, a control character, a huge number or a negative fraction.</li>
 * </ul>
 * Fails on any 5xx, on any error answer (4xx) that is not an RFC 7807 problem document, and on any change to the
 * database: the row counts of every table of {@code governance} and of Kogito's {@code public} schema are the same
 * after each operation's requests as before; only the audit trail's records of refused requests and failed logins may
 * grow. Every finding is listed at once (and written to {@code target/openapi-fuzz-findings.txt}).
 */
class OpenApiFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> STAFF = List.of("admin", "hr", "legal", "ops", "ops-manager", "director", "monitoring");
    private static final Set<String> WITH_BODY = Set.of("post", "put", "patch");
    private static final int DEEP = 2_000;

    private static RunningApp app;
    private static HttpClient http;
    private static String login;
    private static JsonNode api;
    private static String taskId;
    private static String streamerId;

    @BeforeAll
    static void startApplication() throws Exception {
        app = RunningApp.start(TestDatabase.newDatabase());
        ApprovalClient approvals = new ApprovalClient(app);
        String approvalId = approvals.request(ApprovalRequest.of("SUSPEND_LIVE").withParameters(Map.of("suspensionDays", 2)));
        taskId = (String) approvals.awaitTaskFor(approvalId, "ops-manager").get("id");
        streamerId = app.jdbc().queryForObject("select id from governance.streamers order by id limit 1", String.class);
        login = app.basicLogin("fuzzer", STAFF.toArray(String[]::new));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        // springdoc describes several hundred generated endpoints on the first call: slow on a busy machine
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/v3/api-docs"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", login).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(docs.statusCode()).as("the OpenAPI document").isEqualTo(200);
        api = JSON.readTree(docs.body());
    }

    @AfterAll
    static void stopApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyOperationRefusesBadInputWithAProblemDocumentAndChangesNothing() throws Exception {
        List<String> findings = new ArrayList<>();
        int requests = 0;
        int operations = 0;
        Map<String, Long> before = settledRowCounts();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                Operation operation = new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue());
                List<Attempt> attempts = attemptsFor(operation);
                if (attempts.isEmpty()) {
                    continue;
                }
                operations++;
                for (Attempt attempt : attempts) {
                    requests++;
                    HttpResponse<String> response = send(attempt.method(), attempt.uri(), attempt.body());
                    judge(operation, attempt, response).ifPresent(findings::add);
                }
                Map<String, Long> after = rowCounts();
                if (!after.equals(before)) {
                    findings.add(operation + ": the database changed: " + difference(before, after));
                    before = settledRowCounts();
                }
            }
        }
        Path report = Path.of("target", "openapi-fuzz-findings.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, operations + " operations, " + requests + " requests\n" + String.join("\n", findings) + "\n");
        assertThat(operations).as("operations walked").isGreaterThan(20);
        assertThat(findings).as("findings of " + requests + " requests to " + operations + " operations").isEmpty();
    }

    /** One operation of the document. */
    record Operation(String method, String template, JsonNode spec) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** One request made of an operation, and what it tries. */
    record Attempt(String kind, String method, String uri, String body) {
    }

    private static java.util.Optional<String> judge(Operation operation, Attempt attempt, HttpResponse<String> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String what = operation + " [" + attempt.kind() + "] " + attempt.uri();
        if (status >= 500) {
            return java.util.Optional.of(what + ": " + status + " " + shorten(response.body()));
        }
        if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            return java.util.Optional.of(what + ": " + status + " not a problem document (" + contentType + ") " + shorten(response.body()));
        }
        if (status >= 400 && (response.body().contains("Exception") || response.body().contains("\tat ") || response.body().contains("SQL"))) {
            return java.util.Optional.of(what + ": " + status + " names an exception or SQL: " + shorten(response.body()));
        }
        return java.util.Optional.empty();
    }

    private static List<Attempt> attemptsFor(Operation operation) {
        List<Attempt> attempts = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, JsonNode> pathSchemas = new LinkedHashMap<>();
        Map<String, JsonNode> queryParameters = new LinkedHashMap<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            JsonNode resolved = resolve(parameter);
            String name = resolved.path("name").asText();
            if ("path".equals(resolved.path("in").asText())) {
                pathValues.put(name, pathValue(operation.template(), name, resolve(resolved.path("schema"))));
                pathSchemas.put(name, resolve(resolved.path("schema")));
            } else if ("query".equals(resolved.path("in").asText()) && !Set.of("user", "group").contains(name)) {
                queryParameters.put(name, resolve(resolved.path("schema")));
            }
        }
        String uri = expand(operation.template(), pathValues);
        // path parameters, one spoilt at a time
        for (String name : pathValues.keySet()) {
            for (Map.Entry<String, String> bad : badParameterValues(pathSchemas.get(name)).entrySet()) {
                Map<String, String> spoilt = new LinkedHashMap<>(pathValues);
                spoilt.put(name, bad.getValue());
                attempts.add(new Attempt("path " + name + ": " + bad.getKey(), operation.method(), expand(operation.template(), spoilt),
                        WITH_BODY.contains(operation.method().toLowerCase()) ? "{}" : null));
            }
        }
        // query parameters, one spoilt at a time
        for (String name : queryParameters.keySet()) {
            for (Map.Entry<String, String> bad : badParameterValues(queryParameters.get(name)).entrySet()) {
                if (bad.getKey().equals("not an id")) {
                    continue;  // a valid text where any text is taken (a business key)
                }
                attempts.add(new Attempt("query " + name + ": " + bad.getKey(), operation.method(),
                        uri + "?" + name + "=" + URLEncoder.encode(bad.getValue(), StandardCharsets.UTF_8),
                        WITH_BODY.contains(operation.method().toLowerCase()) ? "{}" : null));
            }
        }
        JsonNode body = operation.spec().path("requestBody").path("content").path("application/json").path("schema");
        if (!WITH_BODY.contains(operation.method().toLowerCase()) || body.isMissingNode()) {
            return attempts;
        }
        for (Map.Entry<String, String> whole : wrongBodies().entrySet()) {
            attempts.add(new Attempt(whole.getKey(), operation.method(), uri, whole.getValue()));
        }
        JsonNode example = example(resolve(body), 0);
        if (!example.isContainerNode()) {
            return attempts;
        }
        for (Map.Entry<String, JsonNode> spoilt : spoiltFields(example).entrySet()) {
            attempts.add(new Attempt(spoilt.getKey(), operation.method(), uri, spoilt.getValue().toString()));
        }
        return attempts;
    }

    /** Whole bodies that are not what any operation takes. */
    private static Map<String, String> wrongBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"a\": ");
        bodies.put("trailing garbage", "{} ]");
        bodies.put("an array", "[1, 2]");
        bodies.put("a string", "\"text\"");
        bodies.put("a number", "12");
        bodies.put("null", "null");
        bodies.put("an empty body", "");
        bodies.put("objects nested " + DEEP + " deep", "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP));
        bodies.put("arrays nested " + DEEP + " deep", "[".repeat(DEEP) + "]".repeat(DEEP));
        bodies.put("NUL in a key", "{\"a\\u0000b\": 1}");
        return bodies;
    }

    /**
     * Values a parameter of this schema never takes: control characters in any; text of 400 digits in text (longer
     * than any id or key); a huge number and a negative fraction where a number is expected. (A short "-0.5" is a
     * valid text, e.g. a business key, and an unknown id, which is tried as one.)
     */
    private static Map<String, String> badParameterValues(JsonNode schema) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NUL", "a\u0000b");
        values.put("control character", "a\u001bb");
        values.put("huge number", "1" + "0".repeat(400));
        if (Set.of("integer", "number").contains(schema.path("type").asText()) || !schema.path("format").isMissingNode()) {
            values.put("negative fraction", "-0.5");
        } else {
            values.put("not an id", "-0.5");
        }
        return values;
    }

    /** The example body with one field spoilt at a time, by what was done to which field. */
    private static Map<String, JsonNode> spoiltFields(JsonNode example) {
        Map<String, JsonNode> spoilt = new LinkedHashMap<>();
        List<String> leaves = new ArrayList<>();
        leaves(example, "", leaves);
        for (String pointer : leaves) {
            JsonNode leaf = example.at(pointer);
            Map<String, JsonNode> replacements = new LinkedHashMap<>();
            if (leaf.isTextual()) {
                replacements.put("NUL inside", NODES.textNode(leaf.asText() + "\u0000x"));
                replacements.put("escape character inside", NODES.textNode("\u001b[31m" + leaf.asText()));
                replacements.put("bell and backspace inside", NODES.textNode(leaf.asText() + "\u0007\b"));
                replacements.put("a number for a string", NODES.numberNode(12345));
                replacements.put("a huge number for a string", NODES.numberNode(new BigDecimal("1e400")));
                replacements.put("a boolean for a string", NODES.booleanNode(true));
                replacements.put("an object for a string", NODES.objectNode().put("a", 1));
            } else if (leaf.isNumber()) {
                replacements.put("a string for a number", NODES.textNode("twelve"));
                replacements.put("a numeric string for a number", NODES.textNode("12"));
                replacements.put("a huge number", NODES.numberNode(new BigDecimal("1e400")));
                replacements.put("a negative fraction", NODES.numberNode(new BigDecimal("-0.5")));
                replacements.put("a boolean for a number", NODES.booleanNode(true));
            } else if (leaf.isBoolean()) {
                replacements.put("a number for a boolean", NODES.numberNode(1));
                replacements.put("a string for a boolean", NODES.textNode("yes please"));
            }
            replacements.forEach((kind, value) -> spoilt.put(kind + " " + pointer, replaced(example, pointer, value)));
        }
        return spoilt;
    }

    private static void leaves(JsonNode node, String pointer, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> leaves(field.getValue(), pointer + "/" + field.getKey(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), pointer + "/" + i, into);
            }
        } else if (!pointer.isEmpty()) {
            into.add(pointer);
        }
    }

    private static JsonNode replaced(JsonNode example, String pointer, JsonNode value) {
        JsonNode copy = example.deepCopy();
        int last = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, last));
        String key = pointer.substring(last + 1);
        if (parent instanceof ObjectNode object) {
            object.set(key, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(key), value);
        }
        return copy;
    }

    /** A plausible value of the schema: what a client reading the document would send. */
    private static JsonNode example(JsonNode schema, int depth) {
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("example") && !schema.get("example").isNull() && !schema.get("example").isContainerNode()) {
            return schema.get("example");
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        for (String composed : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(composed) && schema.get(composed).size() > 0) {
                return example(resolve(schema.get(composed).get(0)), depth + 1);
            }
        }
        String type = schema.path("type").asText("object");
        switch (type) {
            case "string" -> {
                return NODES.textNode(switch (schema.path("format").asText()) {
                    case "date-time" -> "2026-11-24T06:00:00Z";
                    case "date" -> "2026-11-24";
                    case "uri" -> "https://example.org/file";
                    case "duration" -> "PT1H";
                    default -> "fuzz";
                });
            }
            case "integer" -> {
                return NODES.numberNode(2);
            }
            case "number" -> {
                return NODES.numberNode(new BigDecimal("100"));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                JsonNode item = example(resolve(schema.path("items")), depth + 1);
                if (!item.isNull()) {
                    array.add(item);
                }
                return array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(property -> {
                    JsonNode value = example(resolve(property.getValue()), depth + 1);
                    if (!value.isNull()) {
                        object.set(property.getKey(), value);
                    }
                });
                JsonNode additional = schema.path("additionalProperties");
                if (object.isEmpty() && additional.isObject()) {
                    object.set("anything", example(resolve(additional), depth + 1));
                }
                if (object.isEmpty()) {
                    // a body the document leaves open: a few fields of the usual kinds
                    object.put("id", "fuzz").put("comment", "fuzz").put("amount", 100).put("approved", true);
                }
                return object;
            }
        }
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = api.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** A path parameter's value that reaches the handler: the open task, a known streamer, a real model, else a word. */
    private static String pathValue(String template, String name, JsonNode schema) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0).asText();
        }
        String lower = name.toLowerCase();
        if (template.startsWith("/usertasks/instance/{") && template.indexOf('{') == template.indexOf("{" + name + "}")) {
            return taskId;
        }
        if (lower.contains("streamer")) {
            return streamerId;
        }
        if (lower.contains("month")) {
            return "2026-10";
        }
        if ("integer".equals(schema.path("type").asText())) {
            return "1";
        }
        if (template.startsWith("/decisions/") || template.startsWith("/decision-models/") || lower.equals("model")) {
            return "CommissionSplit";
        }
        return "fuzz-unknown";
    }

    private static String expand(String template, Map<String, String> values) {
        String uri = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            uri = uri.replace("{" + value.getKey() + "}", URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return uri;
    }

    private static HttpResponse<String> send(String method, String uri, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + uri))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", login)
                .header("Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Row counts once nothing moves any more (the work of the set-up, such as history and index rows, has landed). */
    private static Map<String, Long> settledRowCounts() throws InterruptedException {
        Map<String, Long> counts = rowCounts();
        for (int tries = 0; tries < 20; tries++) {
            Thread.sleep(250);
            Map<String, Long> again = rowCounts();
            if (again.equals(counts)) {
                return counts;
            }
            counts = again;
        }
        return counts;
    }

    /**
     * The number of rows of every table of ours and of Kogito's; the audit trail without its records of refused
     * requests and failed logins, which bad input is meant to leave.
     */
    private static Map<String, Long> rowCounts() {
        List<Map<String, Object>> tables = app.jdbc().queryForList("""
                select table_schema, table_name from information_schema.tables
                where table_schema in ('governance', 'public') and table_type = 'BASE TABLE'
                order by 1, 2""");
        StringBuilder sql = new StringBuilder();
        for (Map<String, Object> table : tables) {
            String name = table.get("table_schema") + "." + table.get("table_name");
            String where = name.equals("governance.audit_trail") ? " where action not in ('REQUEST_REFUSED', 'LOGIN_FAILED')" : "";
            sql.append(sql.isEmpty() ? "" : " union all ")
                    .append("select '").append(name).append("' as name, count(*) as rows from ").append(name).append(where);
        }
        Map<String, Long> counts = new TreeMap<>();
        app.jdbc().queryForList(sql.toString()).forEach(row -> counts.put((String) row.get("name"), ((Number) row.get("rows")).longValue()));
        return counts;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        Function<String, String> change = table -> table + " " + before.get(table) + " -> " + after.get(table);
        return String.join(", ", after.keySet().stream().filter(table -> !after.get(table).equals(before.get(table))).map(change).toList());
    }

    private static String shorten(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
