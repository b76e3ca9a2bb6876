package com.livegov.governance.accounts;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The checks before {@link AccountAction#OPEN_SUB_ACCOUNT}: the account id and the platform handle are free,
 * and the streamer it is for exists and is onboarding or active. Used by {@link AccountActions} both to
 * execute the action and to verify it without changing anything.
 */
@Component
class SubAccountOpening {

    private static final List<String> MAY_RECEIVE = List.of("ONBOARDING", "ACTIVE");

    private final JdbcTemplate jdbc;

    SubAccountOpening(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the action needs, read from its parameters. */
    record Opening(String accountId, String handle, String streamerId) {
    }

    /**
     * Locks the row of the streamer the sub-account is for, so that two openings for one streamer run one after
     * the other (there is no account row to lock yet).
     */
    void lockStreamer(Map<String, Object> parameters) {
        jdbc.queryForList("select id from governance.streamers where id = ? for update", String.class, text(parameters, "streamerId"));
    }

    /** Checks the opening without changing anything. */
    Opening check(String accountId, Map<String, Object> parameters) {
        String handle = text(parameters, "handle");
        String streamerId = text(parameters, "streamerId");
        List<String> status = jdbc.queryForList("select status from governance.streamers where id = ?", String.class, streamerId);
        if (status.isEmpty()) {
            throw new AccountProblem(AccountProblem.Kind.UNKNOWN_ACCOUNT, "No streamer " + streamerId);
        }
        if (!MAY_RECEIVE.contains(status.get(0))) {
            throw new AccountProblem(AccountProblem.Kind.NOT_ALLOWED,
                    "No sub-account can be opened for " + streamerId + ", who is " + status.get(0));
        }
        if (count("select count(*) from governance.accounts where id = ?", accountId) > 0) {
            throw new AccountProblem(AccountProblem.Kind.NOT_ALLOWED, "The account " + accountId + " already exists");
        }
        if (count("select count(*) from governance.accounts where platform_handle = ?", handle) > 0) {
            throw new AccountProblem(AccountProblem.Kind.NOT_ALLOWED, "The platform handle " + handle + " is already in use");
        }
        return new Opening(accountId, handle, streamerId);
    }

    private int count(String sql, String value) {
        Integer count = jdbc.queryForObject(sql, Integer.class, value);
        return count == null ? 0 : count;
    }

    private static String text(Map<String, Object> parameters, String key) {
        Object value = parameters.get(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new AccountProblem(AccountProblem.Kind.INVALID_PARAMETER, key + " is required to open a sub-account");
        }
        return text;
    }
}
