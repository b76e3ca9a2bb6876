package com.livegov.governance.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jbpm.usertask.jpa.mapper.json.utils.JSONUtils;
import org.kie.kogito.auth.IdentityProvider;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.UserTaskInstances;
import org.kie.kogito.usertask.impl.DefaultUserTaskInstance;
import org.kie.kogito.usertask.lifecycle.UserTaskState;
import org.kie.kogito.usertask.model.Attachment;
import org.kie.kogito.usertask.model.Comment;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Kogito's user tasks kept in Kogito's own tables ({@code public.jbpm_user_tasks} and its child tables, created by
 * Kogito's migrations), read and written with plain SQL instead of Kogito's JPA store.
 *
 * <p>Why: Kogito's task instance hands itself to its store after every single change (each name, group set,
 * metadata entry and input of a new task: about 25 times for one approval task), and the JPA store maps the whole
 * task and merges it with a dozen child collections each time, after loading each collection with a query of its
 * own. A profile of the approval benchmark put a third of the server's request time there. This store:
 * <ul>
 * <li>reads a task, or every task a user may see, with one query (child rows aggregated per task);</li>
 * <li>inside a transaction only notes a change, and writes each changed task once, right before the commit, so the
 * task and every other change of the transaction still commit together or not at all;</li>
 * <li>writes only the difference to what it read: changed columns, added or removed group and user rows, changed
 * inputs, outputs, metadata, comments and attachments;</li>
 * <li>keeps the JPA store's encoding (values as Kogito's JSON with their Java type), so the tables read the same to
 * the inbox's SQL, the task pages and anything written before.</li>
 * </ul>
 * A task read twice in one transaction is the same object, as with JPA's persistence context. Kogito's task
 * deadlines and reassignments (notification and reassignment timers) are not used by any of our processes and are
 * refused: a task that carries one fails to be stored, with a message saying so.
 */
final class JdbcUserTaskStore implements UserTaskInstances {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SELECT = """
            select t.id, t.user_task_id, t.task_priority, t.actual_owner, t.task_description, t.status, t.termination_type,
                   t.external_reference_id, t.task_name,
                   array(select x.user_id from public.jbpm_user_tasks_potential_users x where x.task_id = t.id) as potential_users,
                   array(select x.group_id from public.jbpm_user_tasks_potential_groups x where x.task_id = t.id) as potential_groups,
                   array(select x.user_id from public.jbpm_user_tasks_admin_users x where x.task_id = t.id) as admin_users,
                   array(select x.group_id from public.jbpm_user_tasks_admin_groups x where x.task_id = t.id) as admin_groups,
                   array(select x.user_id from public.jbpm_user_tasks_excluded_users x where x.task_id = t.id) as excluded_users,
                   (select json_agg(json_build_array(x.input_name, convert_from(x.input_value, 'UTF8'), x.java_type))
                      from public.jbpm_user_tasks_inputs x where x.task_id = t.id) as inputs,
                   (select json_agg(json_build_array(x.output_name, convert_from(x.output_value, 'UTF8'), x.java_type))
                      from public.jbpm_user_tasks_outputs x where x.task_id = t.id) as outputs,
                   (select json_agg(json_build_array(x.metadata_name, x.metadata_value, x.java_type))
                      from public.jbpm_user_tasks_metadata x where x.task_id = t.id) as metadata,
                   (select json_agg(json_build_array(x.id, x.updated_by, x.updated_at, x.comment) order by x.updated_at, x.id)
                      from public.jbpm_user_tasks_comments x where x.task_id = t.id) as comments,
                   (select json_agg(json_build_array(x.id, x.updated_by, x.updated_at, x.name, x.url) order by x.updated_at, x.id)
                      from public.jbpm_user_tasks_attachments x where x.task_id = t.id) as attachments,
                   exists (select 1 from public.jbpm_user_tasks_deadline x where x.task_id = t.id)
                   or exists (select 1 from public.jbpm_user_tasks_reassignment x where x.task_id = t.id)
                   or exists (select 1 from public.jbpm_user_tasks_deadline_timer x where x.task_id = t.id)
                   or exists (select 1 from public.jbpm_user_tasks_reassignment_timer x where x.task_id = t.id) as has_deadlines
              from public.jbpm_user_tasks t
            """;

    /** Kogito's query for the tasks a user may see (its JPA store's named query, in SQL). */
    private static final String VISIBLE_TO = """
             where t.actual_owner = ?
                or exists (select 1 from public.jbpm_user_tasks_admin_users x where x.task_id = t.id and x.user_id = ?)
                or exists (select 1 from public.jbpm_user_tasks_admin_groups x where x.task_id = t.id and x.group_id = any (?))
                or (exists (select 1 from public.jbpm_user_tasks_potential_users x where x.task_id = t.id and x.user_id = ?)
                    and not exists (select 1 from public.jbpm_user_tasks_excluded_users x where x.task_id = t.id and x.user_id = ?))
                or exists (select 1 from public.jbpm_user_tasks_potential_groups x where x.task_id = t.id and x.group_id = any (?))
            """;

    private static final List<PeopleTable> PEOPLE = List.of(
            new PeopleTable("jbpm_user_tasks_potential_users", "user_id", Stored::potentialUsers),
            new PeopleTable("jbpm_user_tasks_potential_groups", "group_id", Stored::potentialGroups),
            new PeopleTable("jbpm_user_tasks_admin_users", "user_id", Stored::adminUsers),
            new PeopleTable("jbpm_user_tasks_admin_groups", "group_id", Stored::adminGroups),
            new PeopleTable("jbpm_user_tasks_excluded_users", "user_id", Stored::excludedUsers));

    private static final List<DataTable> DATA = List.of(
            new DataTable("jbpm_user_tasks_inputs", "input_name", "input_value", true, Stored::inputs),
            new DataTable("jbpm_user_tasks_outputs", "output_name", "output_value", true, Stored::outputs),
            new DataTable("jbpm_user_tasks_metadata", "metadata_name", "metadata_value", false, Stored::metadata));

    private final JdbcTemplate jdbc;
    private Function<UserTaskInstance, UserTaskInstance> reconnect = Function.identity();
    private Function<UserTaskInstance, UserTaskInstance> disconnect = Function.identity();

    JdbcUserTaskStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void setReconnectUserTaskInstance(Function<UserTaskInstance, UserTaskInstance> reconnect) {
        this.reconnect = reconnect;
    }

    @Override
    public void setDisconnectUserTaskInstance(Function<UserTaskInstance, UserTaskInstance> disconnect) {
        this.disconnect = disconnect;
    }

    @Override
    public Optional<UserTaskInstance> findById(String id) {
        Transaction transaction = transaction(false);
        if (transaction != null && transaction.tasks.containsKey(id)) {
            return Optional.of(transaction.tasks.get(id).task);
        }
        List<Stored> found = jdbc.query(SELECT + " where t.id = ?", (rows, n) -> read(rows), id);
        return found.stream().findFirst().map(stored -> connect(stored, transaction(true)));
    }

    @Override
    public List<UserTaskInstance> findByIdentity(IdentityProvider identity) {
        Transaction transaction = transaction(false);
        if (transaction != null) {
            transaction.write();
        }
        String[] roles = identity.getRoles() == null ? new String[0] : identity.getRoles().toArray(String[]::new);
        String user = identity.getName();
        List<Stored> found = jdbc.query(connection -> {
            var statement = connection.prepareStatement(SELECT + VISIBLE_TO);
            Array groups = connection.createArrayOf("varchar", roles);
            statement.setString(1, user);
            statement.setString(2, user);
            statement.setArray(3, groups);
            statement.setString(4, user);
            statement.setString(5, user);
            statement.setArray(6, groups);
            return statement;
        }, (rows, n) -> read(rows));
        Transaction current = transaction(true);
        return found.stream().map(stored -> current != null && current.tasks.containsKey(stored.id)
                ? current.tasks.get(stored.id).task
                : connect(stored, current)).toList();
    }

    @Override
    public boolean exists(String id) {
        Transaction transaction = transaction(false);
        if (transaction != null && transaction.tasks.containsKey(id)) {
            return true;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from public.jbpm_user_tasks where id = ?)", Boolean.class, id));
    }

    @Override
    public UserTaskInstance create(UserTaskInstance task) {
        Transaction transaction = transaction(true);
        if (transaction == null) {
            write(null, Stored.of(task));
        } else {
            if (transaction.tasks.containsKey(task.getId())) {
                throw new IllegalArgumentException("Cannot create user task " + task.getId() + ": it exists already");
            }
            // a task id that is stored already fails the insert at commit (primary key), with the whole transaction
            Tracked tracked = new Tracked(task, null);
            tracked.changed = true;
            transaction.tasks.put(task.getId(), tracked);
        }
        return reconnect.apply(task);
    }

    @Override
    public UserTaskInstance update(UserTaskInstance task) {
        Transaction transaction = transaction(true);
        if (transaction == null) {
            write(load(task.getId()), Stored.of(task));
            return task;
        }
        Tracked tracked = transaction.tasks.get(task.getId());
        if (tracked == null) {
            tracked = new Tracked(task, load(task.getId()));
            transaction.tasks.put(task.getId(), tracked);
        }
        tracked.task = task;
        tracked.changed = true;
        return task;
    }

    @Override
    public UserTaskInstance remove(UserTaskInstance task) {
        Transaction transaction = transaction(false);
        Tracked tracked = transaction == null ? null : transaction.tasks.remove(task.getId());
        boolean stored = tracked == null ? exists(task.getId()) : tracked.stored != null;
        if (tracked == null && !stored) {
            throw new IllegalStateException("Cannot remove user task " + task.getId() + ": it does not exist");
        }
        if (stored) {
            // the child tables' foreign keys delete their rows with the task (Kogito's migration: on delete cascade)
            jdbc.update("delete from public.jbpm_user_tasks where id = ?", task.getId());
        }
        return disconnect.apply(task);
    }

    private UserTaskInstance connect(Stored stored, Transaction transaction) {
        UserTaskInstance task = reconnect.apply(stored.toInstance());
        if (transaction != null) {
            transaction.tasks.put(stored.id, new Tracked(task, stored));
        }
        return task;
    }

    private Stored load(String id) {
        return jdbc.query(SELECT + " where t.id = ?", (rows, n) -> read(rows), id).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("User task " + id + " is not stored"));
    }

    /** Writes what changed from {@code before} (null: nothing stored yet) to {@code after}. */
    private void write(Stored before, Stored after) {
        if (before == null) {
            jdbc.update("""
                    insert into public.jbpm_user_tasks (id, user_task_id, task_priority, actual_owner, task_description, status,
                        termination_type, external_reference_id, task_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    after.id, after.userTaskId, after.priority, after.actualOwner, after.description, after.status, after.termination,
                    after.externalReferenceId, after.name);
        } else if (!after.sameColumns(before)) {
            jdbc.update("""
                    update public.jbpm_user_tasks set user_task_id = ?, task_priority = ?, actual_owner = ?, task_description = ?,
                        status = ?, termination_type = ?, external_reference_id = ?, task_name = ? where id = ?""",
                    after.userTaskId, after.priority, after.actualOwner, after.description, after.status, after.termination,
                    after.externalReferenceId, after.name, after.id);
        }
        for (PeopleTable table : PEOPLE) {
            Set<String> old = before == null ? Set.of() : table.of.apply(before);
            Set<String> now = table.of.apply(after);
            List<Object[]> removed = old.stream().filter(name -> !now.contains(name)).map(name -> new Object[] { after.id, name }).toList();
            List<Object[]> added = now.stream().filter(name -> !old.contains(name)).map(name -> new Object[] { after.id, name }).toList();
            if (!removed.isEmpty()) {
                jdbc.batchUpdate("delete from public." + table.name + " where task_id = ? and " + table.column + " = ?", removed);
            }
            if (!added.isEmpty()) {
                jdbc.batchUpdate("insert into public." + table.name + " (task_id, " + table.column + ") values (?, ?)", added);
            }
        }
        for (DataTable table : DATA) {
            Map<String, Data> old = before == null ? Map.of() : table.of.apply(before);
            Map<String, Data> now = table.of.apply(after);
            List<Object[]> removed = old.keySet().stream().filter(name -> !now.containsKey(name)).map(name -> new Object[] { after.id, name }).toList();
            List<Object[]> changed = now.entrySet().stream().filter(entry -> !entry.getValue().equals(old.get(entry.getKey())))
                    .map(entry -> new Object[] { after.id, entry.getKey(), table.value(entry.getValue().value), entry.getValue().javaType })
                    .toList();
            if (!removed.isEmpty()) {
                jdbc.batchUpdate("delete from public." + table.name + " where task_id = ? and " + table.nameColumn + " = ?", removed);
            }
            if (!changed.isEmpty()) {
                jdbc.batchUpdate("insert into public." + table.name + " (task_id, " + table.nameColumn + ", " + table.valueColumn
                        + ", java_type) values (?, ?, ?, ?) on conflict (task_id, " + table.nameColumn + ") do update set "
                        + table.valueColumn + " = excluded." + table.valueColumn + ", java_type = excluded.java_type", changed);
            }
        }
        writeNotes(before == null ? Map.of() : before.comments, after.comments, after.id, "jbpm_user_tasks_comments",
                "insert into public.jbpm_user_tasks_comments (id, updated_by, updated_at, comment, task_id) values (?, ?, ?, ?, ?)"
                        + " on conflict (id) do update set updated_by = excluded.updated_by, updated_at = excluded.updated_at, comment = excluded.comment");
        writeNotes(before == null ? Map.of() : before.attachments, after.attachments, after.id, "jbpm_user_tasks_attachments",
                "insert into public.jbpm_user_tasks_attachments (id, updated_by, updated_at, name, url, task_id) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict (id) do update set updated_by = excluded.updated_by, updated_at = excluded.updated_at,"
                        + " name = excluded.name, url = excluded.url");
    }

    private void writeNotes(Map<String, List<Object>> old, Map<String, List<Object>> now, String taskId, String table, String upsert) {
        List<Object[]> removed = old.keySet().stream().filter(id -> !now.containsKey(id)).map(id -> new Object[] { id, taskId }).toList();
        List<Object[]> changed = now.entrySet().stream().filter(entry -> !entry.getValue().equals(old.get(entry.getKey()))).map(entry -> {
            List<Object> row = new ArrayList<>(entry.getValue());
            row.add(taskId);
            return row.toArray();
        }).toList();
        if (!removed.isEmpty()) {
            jdbc.batchUpdate("delete from public." + table + " where id = ? and task_id = ?", removed);
        }
        if (!changed.isEmpty()) {
            jdbc.batchUpdate(upsert, changed);
        }
    }

    private static Stored read(ResultSet rows) throws SQLException {
        if (rows.getBoolean("has_deadlines")) {
            throw new IllegalStateException("User task " + rows.getString("id")
                    + " has Kogito task deadlines or reassignments, which this application does not support");
        }
        return new Stored(rows.getString("id"), rows.getString("user_task_id"), rows.getString("task_priority"), rows.getString("actual_owner"),
                rows.getString("task_description"), rows.getString("status"), rows.getString("termination_type"),
                rows.getString("external_reference_id"), rows.getString("task_name"), strings(rows.getArray("potential_users")),
                strings(rows.getArray("potential_groups")), strings(rows.getArray("admin_users")), strings(rows.getArray("admin_groups")),
                strings(rows.getArray("excluded_users")), data(rows.getString("inputs")), data(rows.getString("outputs")),
                data(rows.getString("metadata")), notes(rows.getString("comments"), 4), notes(rows.getString("attachments"), 5));
    }

    private static Set<String> strings(Array array) throws SQLException {
        Set<String> values = new HashSet<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add((String) value);
        }
        return values;
    }

    private static Map<String, Data> data(String json) throws SQLException {
        Map<String, Data> values = new HashMap<>();
        for (JsonNode row : tree(json)) {
            values.put(row.get(0).asText(), new Data(text(row.get(1)), text(row.get(2))));
        }
        return values;
    }

    /** Comments (id, by, at, text) and attachments (id, by, at, name, url), as the values written. */
    private static Map<String, List<Object>> notes(String json, int columns) throws SQLException {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (JsonNode row : tree(json)) {
            List<Object> note = new ArrayList<>();
            note.add(text(row.get(0)));
            note.add(text(row.get(1)));
            String at = text(row.get(2));
            note.add(at == null ? null : Timestamp.valueOf(LocalDateTime.parse(at)));
            for (int column = 3; column < columns; column++) {
                note.add(text(row.get(column)));
            }
            values.put((String) note.get(0), note);
        }
        return values;
    }

    private static JsonNode tree(String json) throws SQLException {
        if (json == null) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new SQLException("Unreadable user task rows", e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private Transaction transaction(boolean start) {
        return TransactionState.current(this, Transaction.class, start ? Transaction::new : null);
    }

    /** A task read or changed in the current transaction: the object handed out, and what is stored (null: nothing yet). */
    private static final class Tracked {
        UserTaskInstance task;
        Stored stored;
        boolean changed;

        Tracked(UserTaskInstance task, Stored stored) {
            this.task = task;
            this.stored = stored;
        }
    }

    private final class Transaction extends TransactionState {

        private final Map<String, Tracked> tasks = new LinkedHashMap<>();

        Transaction() {
            super(JdbcUserTaskStore.this);
        }

        void write() {
            for (Tracked tracked : tasks.values()) {
                if (tracked.changed) {
                    Stored now = Stored.of(tracked.task);
                    JdbcUserTaskStore.this.write(tracked.stored, now);
                    tracked.stored = now;
                    tracked.changed = false;
                }
            }
        }

        @Override
        public int getOrder() {
            // before any other work at commit, so that work sees the tasks written
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void flush() {
            write();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            write();
        }
    }

    private record PeopleTable(String name, String column, Function<Stored, Set<String>> of) {
    }

    private record DataTable(String name, String nameColumn, String valueColumn, boolean bytes, Function<Stored, Map<String, Data>> of) {
        Object value(String value) {
            return value == null || !bytes ? value : value.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A value as stored: Kogito's JSON of it and its Java type (both null for a null value). */
    private record Data(String value, String javaType) {
        static Data of(Object value) {
            return value == null ? new Data(null, null) : new Data(JSONUtils.valueToString(value), value.getClass().getName());
        }

        Object read() {
            return JSONUtils.stringTreeToValue(value, javaType);
        }
    }

    /** One task as its rows hold it. */
    private record Stored(String id, String userTaskId, String priority, String actualOwner, String description, String status,
            String termination, String externalReferenceId, String name, Set<String> potentialUsers, Set<String> potentialGroups,
            Set<String> adminUsers, Set<String> adminGroups, Set<String> excludedUsers, Map<String, Data> inputs,
            Map<String, Data> outputs, Map<String, Data> metadata, Map<String, List<Object>> comments,
            Map<String, List<Object>> attachments) {

        static Stored of(UserTaskInstance task) {
            refuseDeadlines(task);
            UserTaskState state = task.getStatus();
            Map<String, List<Object>> comments = new LinkedHashMap<>();
            for (Comment comment : task.getComments()) {
                comments.put(comment.getId(), List.of(comment.getId(), nullable(comment.getUpdatedBy()), nullable(timestamp(comment.getUpdatedAt())),
                        nullable(comment.getContent())).stream().map(JdbcUserTaskStore::unwrap).toList());
            }
            Map<String, List<Object>> attachments = new LinkedHashMap<>();
            for (Attachment attachment : task.getAttachments()) {
                attachments.put(attachment.getId(), List.of(attachment.getId(), nullable(attachment.getUpdatedBy()),
                        nullable(timestamp(attachment.getUpdatedAt())), nullable(attachment.getName()),
                        nullable(attachment.getContent() == null ? null : attachment.getContent().toString()))
                        .stream().map(JdbcUserTaskStore::unwrap).toList());
            }
            return new Stored(task.getId(), task.getUserTaskId(), task.getTaskPriority(), task.getActualOwner(), task.getTaskDescription(),
                    state.getName(), state.getTerminate() == null ? null : state.getTerminate().name(), task.getExternalReferenceId(),
                    task.getTaskName(), Set.copyOf(task.getPotentialUsers()), Set.copyOf(task.getPotentialGroups()),
                    Set.copyOf(task.getAdminUsers()), Set.copyOf(task.getAdminGroups()), Set.copyOf(task.getExcludedUsers()),
                    data(task.getInputs()), data(task.getOutputs()), data(task.getMetadata()), comments, attachments);
        }

        boolean sameColumns(Stored other) {
            return Objects.equals(userTaskId, other.userTaskId) && Objects.equals(priority, other.priority)
                    && Objects.equals(actualOwner, other.actualOwner) && Objects.equals(description, other.description)
                    && Objects.equals(status, other.status) && Objects.equals(termination, other.termination)
                    && Objects.equals(externalReferenceId, other.externalReferenceId) && Objects.equals(name, other.name);
        }

        DefaultUserTaskInstance toInstance() {
            DefaultUserTaskInstance task = new DefaultUserTaskInstance();
            task.setId(id);
            task.setUserTaskId(userTaskId);
            task.setExternalReferenceId(externalReferenceId);
            task.setTaskName(name);
            task.setTaskDescription(description);
            task.setTaskPriority(priority);
            task.setStatus(UserTaskState.of(status, termination == null ? null : UserTaskState.TerminationType.valueOf(termination)));
            task.setActualOwner(actualOwner);
            task.setPotentialUsers(new HashSet<>(potentialUsers));
            task.setPotentialGroups(new HashSet<>(potentialGroups));
            task.setAdminUsers(new HashSet<>(adminUsers));
            task.setAdminGroups(new HashSet<>(adminGroups));
            task.setExcludedUsers(new HashSet<>(excludedUsers));
            task.setInputs(values(inputs));
            task.setOutputs(values(outputs));
            task.setMetadata(values(metadata));
            List<Comment> taskComments = new ArrayList<>();
            for (List<Object> row : comments.values()) {
                Comment comment = new Comment((String) row.get(0), (String) row.get(1));
                comment.setUpdatedAt((Date) row.get(2));
                comment.setContent((String) row.get(3));
                taskComments.add(comment);
            }
            task.setComments(taskComments);
            List<Attachment> taskAttachments = new ArrayList<>();
            for (List<Object> row : attachments.values()) {
                Attachment attachment = new Attachment((String) row.get(0), (String) row.get(1));
                attachment.setUpdatedAt((Date) row.get(2));
                attachment.setName((String) row.get(3));
                attachment.setContent(row.get(4) == null ? null : URI.create((String) row.get(4)));
                taskAttachments.add(attachment);
            }
            task.setAttachments(taskAttachments);
            task.setNotStartedDeadlines(new ArrayList<>());
            task.setNotCompletedDeadlines(new ArrayList<>());
            task.setNotStartedReassignments(new ArrayList<>());
            task.setNotCompletedReassignments(new ArrayList<>());
            return task;
        }

        private static Map<String, Data> data(Map<String, Object> values) {
            Map<String, Data> data = new HashMap<>();
            values.forEach((key, value) -> data.put(key, Data.of(value)));
            return data;
        }

        private static Map<String, Object> values(Map<String, Data> data) {
            Map<String, Object> values = new HashMap<>();
            data.forEach((key, value) -> values.put(key, value.read()));
            return values;
        }

        private static Timestamp timestamp(Date date) {
            return date == null ? null : new Timestamp(date.getTime());
        }

        private static void refuseDeadlines(UserTaskInstance task) {
            if (!empty(task.getNotStartedDeadlines()) || !empty(task.getNotCompletedDeadlines()) || !empty(task.getNotStartedReassignments())
                    || !empty(task.getNotCompletedReassignments())) {
                throw new IllegalStateException("User task " + task.getId() + " (" + task.getTaskName()
                        + ") has Kogito task deadlines or reassignments, which this application does not support");
            }
        }

        private static boolean empty(Collection<?> values) {
            return values == null || values.isEmpty();
        }
    }

    /** List.of refuses nulls: a null column travels as this marker and is unwrapped at once. */
    private static final Object NULL = new Object();

    private static Object nullable(Object value) {
        return value == null ? NULL : value;
    }

    private static Object unwrap(Object value) {
        return value == NULL ? null : value;
    }
}
