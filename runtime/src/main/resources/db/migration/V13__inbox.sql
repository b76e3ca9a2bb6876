-- The inbox (issue 10): an index of human tasks beside Kogito's own user-task tables, out-of-office
-- substitutes, and the indexes the inbox's queries over Kogito's tables need.

-- One row per human task, written by inbox/TaskIndexRecorder in the transaction of each task change.
-- Kogito deletes a task from public.jbpm_user_tasks when it ends; the row here stays (ended_at, completed_by).
-- Open tasks are always read joined with Kogito's table, which decides who sees them.
create table task_index (
    task_id                text        primary key,
    task_name              text        not null,
    description            text,
    process_id             text,
    process_instance_id    text,
    node_instance_id       text,
    created_at             timestamp with time zone not null default now(),
    -- when the task's deadline timer fires (inbox/TaskDueTimes); null when it has none
    due_at                 timestamp with time zone,
    state                  text        not null,
    ended_at               timestamp with time zone,
    completed_by           text,
    completed_on_behalf_of text
);
-- the inbox walks open tasks in the asked order (due soonest or latest, created oldest or newest) and stops at a page
create index task_index_open_due_idx on task_index (due_at, task_id) where ended_at is null;
create index task_index_open_due_desc_idx on task_index (due_at desc nulls last, task_id desc) where ended_at is null;
create index task_index_open_created_idx on task_index (created_at, task_id) where ended_at is null;
create index task_index_process_instance_idx on task_index (process_instance_id);
create index task_index_completed_by_idx on task_index (completed_by, ended_at) where completed_by is not null;
create index task_index_completed_for_idx on task_index (completed_on_behalf_of, ended_at) where completed_on_behalf_of is not null;

-- Out of office: while [valid_from, valid_until) runs, the substitute sees absent_user's tasks and may act on them.
-- Periods of one absent user never overlap (checked by inbox/Substitutes under a lock on the user's row).
create table substitutes (
    id            bigserial   primary key,
    absent_user   text        not null references users (username),
    substitute    text        not null references users (username),
    valid_from    timestamp with time zone not null,
    valid_until   timestamp with time zone not null,
    created_at    timestamp with time zone not null default now(),
    check (valid_until > valid_from),
    check (absent_user <> substitute)
);
create index substitutes_absent_idx on substitutes (absent_user, valid_from);
create index substitutes_substitute_idx on substitutes (substitute, valid_until);

-- Kogito's user-task tables (public, created by Kogito's own migrations, which run before these) have primary
-- keys that start with the task id only; the inbox looks tasks up by owner, user and group.
create index if not exists inbox_user_tasks_owner_idx on public.jbpm_user_tasks (actual_owner, status);
create index if not exists inbox_user_tasks_status_idx on public.jbpm_user_tasks (status, id);
create index if not exists inbox_potential_groups_idx on public.jbpm_user_tasks_potential_groups (group_id, task_id);
create index if not exists inbox_potential_users_idx on public.jbpm_user_tasks_potential_users (user_id, task_id);
create index if not exists inbox_admin_groups_idx on public.jbpm_user_tasks_admin_groups (group_id, task_id);
create index if not exists inbox_admin_users_idx on public.jbpm_user_tasks_admin_users (user_id, task_id);

-- Tasks open before this migration: indexed from Kogito's tables (their creation time is unknown: now), with the
-- due time of their own node's boundary timers (Kogito keeps metadata values as JSON, the scheduler its job as JSON).
insert into task_index (task_id, task_name, process_id, process_instance_id, node_instance_id, description, state, due_at)
select t.id, coalesce(t.task_name, t.user_task_id, t.id), m.process_id, m.process_instance_id, m.node_instance_id, t.task_description,
       coalesce(t.status, 'Ready'),
       (select max(s.execution_time) from scheduled_tasks s
        where case when s.task_name = 'kogito-timer' then convert_from(s.task_data, 'UTF8')::jsonb ->> 'nodeInstanceId' end = m.node_instance_id)
from public.jbpm_user_tasks t
cross join lateral (
    select max(case when metadata_name = 'ProcessId' then metadata_value::jsonb #>> '{}' end) as process_id,
           max(case when metadata_name = 'ProcessInstanceId' then metadata_value::jsonb #>> '{}' end) as process_instance_id,
           max(case when metadata_name = 'NodeInstanceId' then metadata_value::jsonb #>> '{}' end) as node_instance_id
    from public.jbpm_user_tasks_metadata md where md.task_id = t.id) m
on conflict (task_id) do nothing;
