-- Process history by streamer: which streamer a process instance is about, once known.
create table process_subjects (
    process_instance_id  text primary key,
    process_id           text not null,
    streamer_id          text not null,
    recorded_at          timestamp with time zone not null default now()
);
create index process_subjects_streamer_idx on process_subjects (streamer_id);
