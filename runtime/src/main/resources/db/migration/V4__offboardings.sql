-- One row per offboarding: the clock that runs from the departure time, and how it ended.
create table offboardings (
    process_instance_id  text        primary key,
    streamer_id          text        not null references streamers (id),
    departure_time       timestamp with time zone not null,
    warning_at           timestamp with time zone not null,
    deadline_at          timestamp with time zone not null,
    started_at           timestamp with time zone not null,
    accounts_closed_at   timestamp with time zone,
    breached_at          timestamp with time zone,
    completed_at         timestamp with time zone
);
create index offboardings_streamer_idx on offboardings (streamer_id, started_at);
