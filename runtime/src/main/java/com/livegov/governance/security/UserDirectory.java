package com.livegov.governance.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users, their groups and password hashes in PostgreSQL. Only hashes are stored; every change records who
 * made it and when.
 */
@Service
public class UserDirectory {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final CachedCredentials credentials;

    UserDirectory(JdbcTemplate jdbc, PasswordEncoder passwords, CachedCredentials credentials) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.credentials = credentials;
    }

    /** A user as the admin API shows it: never the hash. */
    public record User(String username, List<String> groups, boolean enabled, boolean demo) {
    }

    /** The request cannot be applied: a bad name, password or group, or a name already taken. */
    public static class Refused extends RuntimeException {
        private final boolean conflict;

        Refused(String message, boolean conflict) {
            super(message);
            this.conflict = conflict;
        }

        public boolean conflict() {
            return conflict;
        }
    }

    public List<User> all() {
        Map<String, User> users = new LinkedHashMap<>();
        jdbc.query("select username, enabled, demo from governance.users order by username", row -> {
            users.put(row.getString(1), new User(row.getString(1), new ArrayList<>(), row.getBoolean(2), row.getBoolean(3)));
        });
        jdbc.query("select username, group_name from governance.user_groups order by group_name",
                row -> {
                    User user = users.get(row.getString(1));
                    if (user != null) {
                        user.groups().add(row.getString(2));
                    }
                });
        return List.copyOf(users.values());
    }

    public Optional<User> find(String username) {
        return all().stream().filter(user -> user.username().equals(username)).findFirst();
    }

    @Transactional
    public User create(String username, String password, Collection<String> groups, String by) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new Refused("'username' must be 2-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit", false);
        }
        checkPassword(password);
        List<String> checkedGroups = checkGroups(groups);
        int inserted = jdbc.update("""
                insert into governance.users (username, password, enabled, demo, created_by, updated_by)
                values (?, ?, true, false, ?, ?) on conflict (username) do nothing""",
                username, passwords.encode(password), by, by);
        if (inserted == 0) {
            throw new Refused("A user named " + username + " exists", true);
        }
        setGroups(username, checkedGroups);
        return find(username).orElseThrow();
    }

    @Transactional
    public User changeGroups(String username, Collection<String> groups, String by) {
        List<String> checkedGroups = checkGroups(groups);
        touch(username, by);
        jdbc.update("delete from governance.user_groups where username = ?", username);
        setGroups(username, checkedGroups);
        credentials.forget(username);
        return find(username).orElseThrow();
    }

    @Transactional
    public User changePassword(String username, String password, String by) {
        checkPassword(password);
        touch(username, by);
        jdbc.update("update governance.users set password = ? where username = ?", passwords.encode(password), username);
        credentials.forget(username);
        return find(username).orElseThrow();
    }

    @Transactional
    public User enable(String username, boolean enabled, String by) {
        if (!enabled && username.equals(by)) {
            throw new Refused("You cannot disable your own login", true);
        }
        touch(username, by);
        jdbc.update("update governance.users set enabled = ? where username = ?", enabled, username);
        credentials.forget(username);
        return find(username).orElseThrow();
    }

    /**
     * Creates the user unless it exists (several replicas may start at once), enabled, with these groups; used
     * for the demo users and the bootstrap admin.
     */
    @Transactional
    public void ensure(String username, String password, List<String> groups, boolean demo) {
        int inserted = jdbc.update("""
                insert into governance.users (username, password, enabled, demo, created_by, updated_by)
                values (?, ?, true, ?, 'system', 'system') on conflict (username) do nothing""",
                username, passwords.encode(password), demo);
        if (inserted > 0) {
            setGroups(username, groups);
        } else if (demo) {
            jdbc.update("update governance.users set enabled = true where username = ? and demo", username);
        }
    }

    /** Disables every demo user (the production profile). */
    @Transactional
    public int disableDemoUsers() {
        return jdbc.update("update governance.users set enabled = false, updated_at = now(), updated_by = 'system' where demo and enabled");
    }

    /** Whether an enabled user of the admin group exists. */
    public boolean hasAdmin() {
        Integer admins = jdbc.queryForObject("""
                select count(*) from governance.users u join governance.user_groups g on g.username = u.username
                where u.enabled and g.group_name = 'admin'""", Integer.class);
        return admins != null && admins > 0;
    }

    private void touch(String username, String by) {
        int updated = jdbc.update("update governance.users set updated_at = now(), updated_by = ? where username = ?", by, username);
        if (updated == 0) {
            throw new UnknownUser(username);
        }
    }

    private void setGroups(String username, List<String> groups) {
        for (String group : groups) {
            jdbc.update("insert into governance.user_groups (username, group_name) values (?, ?)", username, group);
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new Refused("'password' must have at least " + MIN_PASSWORD_LENGTH + " characters", false);
        }
    }

    private static List<String> checkGroups(Collection<String> groups) {
        if (groups == null || groups.isEmpty()) {
            throw new Refused("'groups' must name at least one group", false);
        }
        for (String group : groups) {
            if (Group.of(group).isEmpty()) {
                throw new Refused("'" + group + "' is not a group; the groups are "
                        + java.util.Arrays.stream(Group.values()).map(Group::id).toList(), false);
            }
        }
        return groups.stream().distinct().toList();
    }

    /** No user has this name. */
    public static class UnknownUser extends RuntimeException {
        UnknownUser(String username) {
            super("No user named " + username);
        }
    }
}
