package com.livegov.governance.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Test users, logged in with HTTP Basic. A scenario written as "user olga of group ops does this"
 * ({@code ?user=olga&group=ops}) is sent as olga's login: the user is created in the users table with that
 * group (groups accumulate) and the parameters are taken off the request, because the application refuses
 * identities given as parameters. A request naming no user logs in as {@link #TESTER}, a member of every staff
 * group.
 */
public final class TestLogins implements Filter {

    public static final String PASSWORD = "test-password-of-the-suite";
    public static final String TESTER = "tester";
    static final List<String> STAFF = List.of("admin", "hr", "legal", "ops", "ops-manager", "director", "monitoring");
    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

    private final JdbcTemplate jdbc;

    TestLogins(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        if (request.getHeaders().hasHeaderWithName("Authorization")) {
            return context.next(request, response);
        }
        Object user = request.getQueryParams().get("user");
        String username = user == null ? TESTER : user.toString();
        List<String> groups = user == null ? STAFF : groupsOf(request.getQueryParams().get("group"));
        request.removeQueryParam("user");
        request.removeQueryParam("group");
        ensure(username, groups);
        request.header("Authorization", basic(username, PASSWORD));
        return context.next(request, response);
    }

    /** Creates the user unless it exists, and adds the groups. */
    public void ensure(String username, Collection<String> groups) {
        jdbc.update("""
                insert into governance.users (username, password, created_by, updated_by)
                values (?, ?, 'test', 'test') on conflict (username) do nothing""", username, HASH);
        for (String group : groups) {
            jdbc.update("insert into governance.user_groups (username, group_name) values (?, ?) on conflict do nothing", username, group);
        }
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> groupsOf(Object groups) {
        List<String> all = new ArrayList<>();
        if (groups instanceof Collection<?> many) {
            many.forEach(group -> all.add(group.toString()));
        } else if (groups != null) {
            all.add(groups.toString());
        }
        return all;
    }
}
