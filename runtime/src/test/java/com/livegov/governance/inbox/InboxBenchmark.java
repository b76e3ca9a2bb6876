package com.livegov.governance.inbox;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.livegov.governance.support.BenchmarkTable;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox with 100,000 open tasks: how long the first page of "mine" and of "my groups' unassigned" takes,
 * through the Java API the pages call ({@link InboxQuery}: the page alone, and the page with the counts of every
 * view) and through {@code GET /inbox/tasks} (page and counts, over HTTP with a Basic login), printed as a table
 * with p50, p95 and p99.
 *
 * <p>The tasks are written with SQL straight into Kogito's user-task tables and the inbox's index, in the real
 * embedded PostgreSQL the application runs on: 400 users in six groups, 50,000 process instances of six
 * processes about 500 streamers, 40 % of the tasks reserved, the rest offered to a group (30 % ops-manager, 25 %
 * ops, 15 % legal, 15 % hr, 10 % director) or by name to a streamer (5 %), 2 % with an excluded user, 75 % with a
 * due time between two days ago and five days ahead. The measured ops-manager has about 18,000 tasks in
 * "unassigned" and 100 in "mine".
 *
 * <p>Run: {@code mvn -DskipTests -pl runtime -am package exec:java@inbox-benchmark}. Not a test.
 */
public final class InboxBenchmark {

    private static final int TASKS = 100_000;
    private static final int WARM_UP = 100;
    private static final int MEASURED = 300;

    private InboxBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkTable table = new BenchmarkTable("Inbox, " + String.format("%,d", TASKS) + " open tasks (embedded PostgreSQL 16)", "per second");
        try (RunningApp app = RunningApp.start(TestDatabase.newDatabase(), "logging.level.root=WARN")) {
            long started = System.nanoTime();
            BenchmarkData.insert(app.jdbc(), TASKS);
            System.out.printf("Inserted %,d open tasks in %.1f s%n", TASKS, (System.nanoTime() - started) / 1e9);
            InboxQuery inbox = app.bean(InboxQuery.class);
            for (String[] user : List.of(new String[] {"bench-om-7", "ops-manager"}, new String[] {"bench-ops-3", "ops"})) {
                InboxUser who = new InboxUser(user[0], java.util.Set.of(user[1]));
                // the benchmark's users cannot log in: give the measured one the password of a test login
                app.basicLogin("bench-login", "ops");
                app.jdbc().update("update governance.users set password = (select password from governance.users where username = 'bench-login') where username = ?",
                        user[0]);
                Map<InboxView, Long> counts = inbox.counts(who, InboxFilter.firstPage());
                System.out.printf("%s (%s): %s%n", user[0], user[1], counts);
                for (InboxView view : List.of(InboxView.MINE, InboxView.GROUPS_UNASSIGNED)) {
                    String name = view.id() + ", " + user[1] + " (" + counts.get(view) + ")";
                    measure(table, "page: " + name, () -> inbox.rows(who, view, InboxFilter.firstPage()));
                    measure(table, "page + counts: " + name, () -> inbox.find(who, view, InboxFilter.firstPage()));
                    String login = app.basicLogin(user[0], user[1]);
                    measure(table, "GET /inbox/tasks: " + name, () -> given(app.anonymousApi()).header("Authorization", login)
                            .queryParam("view", view.id()).get("/inbox/tasks").then().statusCode(200).extract().asByteArray());
                }
            }
        }
        table.print();
        System.exit(0);
    }

    private static void measure(BenchmarkTable table, String name, Supplier<Object> firstPage) {
        for (int i = 0; i < WARM_UP; i++) {
            firstPage.get();
        }
        long[] latencies = new long[MEASURED];
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            firstPage.get();
            latencies[i] = System.nanoTime() - t0;
        }
        table.add(name, 1, MEASURED / ((System.nanoTime() - start) / 1e9), latencies);
        System.out.println("measured: " + name);
    }

    /** The benchmark's tasks, written with SQL (repeatable: a fixed random seed). */
    static final class BenchmarkData {

        private BenchmarkData() {
        }

        static void insert(JdbcTemplate jdbc, int tasks) {
            jdbc.execute("""
                    insert into governance.users (username, password, created_by, updated_by)
                    select prefix || n, '{noop}not-for-login', 'benchmark', 'benchmark'
                    from (values ('bench-ops-', 160), ('bench-om-', 80), ('bench-legal-', 40), ('bench-hr-', 40), ('bench-dir-', 20), ('bench-streamer-', 100))
                         as g(prefix, size), generate_series(0, size - 1) n
                    on conflict do nothing""");
            jdbc.execute("""
                    insert into governance.user_groups (username, group_name)
                    select prefix || n, grp
                    from (values ('bench-ops-', 160, 'ops'), ('bench-om-', 80, 'ops-manager'), ('bench-legal-', 40, 'legal'), ('bench-hr-', 40, 'hr'),
                                 ('bench-dir-', 20, 'director'), ('bench-streamer-', 100, 'streamer')) as g(prefix, size, grp),
                         generate_series(0, size - 1) n
                    on conflict do nothing""");
            jdbc.execute("""
                    insert into governance.streamers (id, display_name, tier, status, category, started_on, ops_manager)
                    select 'bench-s-' || n, 'Bench Host ' || n, (array['REGULAR','KEY','STRATEGIC','PARTNER','INCUBATOR'])[1 + n % 5], 'ACTIVE', 'beauty',
                           date '2025-01-01', 'bench-om-' || (n % 80)
                    from generate_series(0, 499) n""");
            jdbc.queryForList("select setseed(0.42)");
            jdbc.execute("""
                    create table bench_tasks as
                    select n, 'bench-task-' || n as id, 'bench-pi-' || (n / 2) as pi, floor(random() * 100)::int as bucket,
                           random() < 0.4 as reserved, floor(random() * 100000)::int as pick,
                           now() - random() * interval '30 days' as created_at,
                           case when random() < 0.75 then now() + (random() * 7 - 2) * interval '1 day' end as due_at,
                           random() < 0.02 as has_excluded,
                           (array['accountActionApproval','accountActionApproval','accountActionApproval','streamerOffboarding',
                                  'streamerOnboarding','violationEscalation','permissionReview','commissionSettlement'])[1 + floor(random() * 8)::int] as process_id
                    from generate_series(1, %d) n""".formatted(tasks));
            jdbc.execute("""
                    alter table bench_tasks add column grp text, add column prefix text, add column size int;
                    update bench_tasks set (grp, prefix, size) = (select g.grp, g.prefix, g.size from (values
                        (30, 'ops-manager', 'bench-om-', 80), (55, 'ops', 'bench-ops-', 160), (70, 'legal', 'bench-legal-', 40),
                        (85, 'hr', 'bench-hr-', 40), (95, 'director', 'bench-dir-', 20), (100, null, 'bench-streamer-', 100)) as g(upto, grp, prefix, size)
                        where bench_tasks.bucket < g.upto order by g.upto limit 1)""");
            jdbc.execute("""
                    insert into public.jbpm_user_tasks (id, user_task_id, task_priority, actual_owner, task_description, status, external_reference_id, task_name)
                    select id, 'Task_' || process_id, '1', case when reserved or grp is null then prefix || (pick % size) end,
                           'Benchmark task ' || n, case when reserved or grp is null then 'Reserved' else 'Ready' end, 'wi-' || n,
                           case process_id when 'accountActionApproval' then (array['Level1Approval','Level2Approval'])[1 + n % 2]
                                           else process_id || 'Task' end
                    from bench_tasks;
                    insert into public.jbpm_user_tasks_potential_groups (task_id, group_id) select id, grp from bench_tasks where grp is not null;
                    insert into public.jbpm_user_tasks_potential_users (task_id, user_id) select id, prefix || (pick % size) from bench_tasks where grp is null;
                    insert into public.jbpm_user_tasks_excluded_users (task_id, user_id) select id, prefix || ((pick + 1) % size) from bench_tasks where has_excluded;
                    insert into public.jbpm_user_tasks_metadata (task_id, metadata_name, metadata_value, java_type)
                    select id, 'ProcessInstanceId', '"' || pi || '"', 'java.lang.String' from bench_tasks;
                    insert into governance.task_index (task_id, task_name, process_id, process_instance_id, node_instance_id, description, created_at, due_at, state)
                    select b.id, u.task_name, b.process_id, b.pi, 'ni-' || b.n, u.task_description, b.created_at, b.due_at, u.status
                    from bench_tasks b join public.jbpm_user_tasks u on u.id = b.id;
                    insert into governance.process_subjects (process_instance_id, process_id, streamer_id)
                    select pi, min(process_id), 'bench-s-' || (min(pick) % 500) from bench_tasks group by pi;
                    drop table bench_tasks;
                    analyze""");
        }
    }
}
