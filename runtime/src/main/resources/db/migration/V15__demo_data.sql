-- The demo data of the embedded default (governance.demo-data.enabled) is seeded once per database: this row says
-- that it was (or that it was skipped because the database already held streamers), so a restart seeds nothing.
create table demo_data_seeds (
    id           integer                  primary key check (id = 1),
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    outcome      text                     not null check (outcome in ('SEEDING', 'SEEDED', 'SKIPPED_NOT_EMPTY', 'FAILED')),
    detail       text
);
