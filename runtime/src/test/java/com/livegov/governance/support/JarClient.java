package com.livegov.governance.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.approval.AccountActionApproval;

/**
 * A plain HTTP client of an {@link ApplicationJar} instance, logged in with HTTP Basic: creates users and
 * sub-accounts as the built-in administrator, starts approvals and decides them. A request that gets no answer
 * (the application was killed) gives {@link Answer#NO_ANSWER} instead of an exception.
 */
public final class JarClient {

    /** An HTTP answer: status and body, or {@link #NO_ANSWER}. */
    public record Answer(int status, String body) {

        public static final int NO_ANSWER = -1;

        public Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
            } catch (IOException e) {
                throw new AssertionError("not a JSON object: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "demo-admin";
    private static final String ADMIN_PASSWORD = "demo-password";
    public static final String PASSWORD = "load-test-password";

    private final ApplicationJar.Instance instance;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public JarClient(ApplicationJar.Instance instance) {
        this.instance = instance;
    }

    /** Creates the user with the groups ({@link #PASSWORD}), as the administrator. */
    public void createUser(String username, String... groups) {
        expect(send(ADMIN, ADMIN_PASSWORD, "POST", "/admin/users",
                Map.of("username", username, "password", PASSWORD, "groups", List.of(groups))), 201);
    }

    /** Imports streamers of the ops-manager with {@code count} sub-accounts {@code <prefix>-acc-0..count-1}. */
    public void importSubAccounts(String prefix, String opsManager, int count) {
        List<Map<String, Object>> streamers = new ArrayList<>();
        for (int streamer = 0; streamer * 20 < count; streamer++) {
            List<Map<String, Object>> accounts = new ArrayList<>();
            for (int account = streamer * 20; account < Math.min(count, streamer * 20 + 20); account++) {
                accounts.add(Map.of("accountId", prefix + "-acc-" + account, "handle", "@" + prefix + ".acc." + account, "fans", 5_000));
            }
            streamers.add(Map.of("streamerId", prefix + "-streamer-" + streamer, "displayName", "Host " + streamer, "tier", "KEY",
                    "category", "beauty", "startedOn", "2025-03-01", "opsManager", opsManager, "subAccounts", accounts));
        }
        expect(send(ADMIN, ADMIN_PASSWORD, "POST", "/imports/streamers", Map.of("streamers", streamers)), 200);
    }

    /** The requester asks to disable the sub-account (no violation behind it: first level ops-manager, second legal). */
    public Answer startApproval(String requester, String account) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("action", "DISABLE");
        request.put("severity", "NONE");
        request.put("accountKind", "SUB_ACCOUNT");
        request.put("subject", account);
        request.put("reason", "diverted viewers to a personal account");
        request.put("requestedBy", requester);
        request.put("parameters", Map.of());
        return send(requester, PASSWORD, "POST", "/" + AccountActionApproval.PROCESS_ID, request);
    }

    /**
     * The user finds the instance's open task, claims it and completes it with the decision; the answer of the
     * first request that does not succeed, or of the completion.
     */
    public Answer decideFirstLevel(String user, String processInstanceId, boolean approve) {
        Optional<Map<String, Object>> task = Optional.empty();
        for (int attempt = 0; attempt < 50 && task.isEmpty(); attempt++) {
            Answer list = send(user, PASSWORD, "GET", "/usertasks/instance", null);
            if (list.status() != 200) {
                return list;
            }
            task = tasks(list).stream()
                    .filter(each -> processInstanceId.equals(((Map<?, ?>) each.get("metadata")).get("ProcessInstanceId")))
                    .findFirst();
            if (task.isEmpty()) {
                pause();
            }
        }
        if (task.isEmpty()) {
            return new Answer(404, "no open task of " + processInstanceId + " for " + user);
        }
        String path = "/usertasks/instance/" + task.get().get("id") + "/transition";
        Answer claim = send(user, PASSWORD, "POST", path, Map.of("transitionId", "claim"));
        if (claim.status() != 200) {
            return claim;
        }
        return send(user, PASSWORD, "POST", path, Map.of("transitionId", "complete",
                "data", Map.of("approved", approve, "comment", approve ? "agreed" : "not justified")));
    }

    /** The open tasks the user sees. */
    public List<Map<String, Object>> tasksOf(String user) {
        return tasks(expect(send(user, PASSWORD, "GET", "/usertasks/instance", null), 200));
    }

    /** Whether Kogito holds the approval instance (it deletes an instance when it ends). */
    public boolean isActive(String processInstanceId) {
        int status = send(ADMIN, ADMIN_PASSWORD, "GET", "/" + AccountActionApproval.PROCESS_ID + "/" + processInstanceId, null).status();
        if (status != 200 && status != 404) {
            throw new AssertionError("reading " + processInstanceId + " answered " + status);
        }
        return status == 200;
    }

    /** Whether {@code GET /audit/verification} finds the chain intact. */
    public boolean auditChainIntact() {
        return Boolean.TRUE.equals(expect(send(ADMIN, ADMIN_PASSWORD, "GET", "/audit/verification", null), 200).json().get("intact"));
    }

    private Answer send(String user, String password, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.baseUri() + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", TestLogins.basic(user, password))
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException noAnswer) {
            return new Answer(Answer.NO_ANSWER, String.valueOf(noAnswer));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Answer.NO_ANSWER, "interrupted");
        }
    }

    private static Answer expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private static List<Map<String, Object>> tasks(Answer list) {
        try {
            return JSON.readValue(list.body(), new TypeReference<List<Map<String, Object>>>() { });
        } catch (IOException e) {
            throw new AssertionError("not a list of tasks: " + list.body(), e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
