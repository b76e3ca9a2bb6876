-- Durable Kogito timers, stored by db-scheduler (its PostgreSQL layout).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Process history: Kogito deletes a process instance when it completes; this keeps what happened.
create table process_events (
    id                  bigserial                primary key,
    occurred_at         timestamp with time zone not null default now(),
    process_id          text                     not null,
    process_instance_id text                     not null,
    event_type          text                     not null,
    node_id             text,
    node_name           text,
    node_instance_id    text,
    actor               text,
    detail              jsonb
);
create index process_events_instance_idx on process_events (process_instance_id, id);
