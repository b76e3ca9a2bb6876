-- Streamers, the company's accounts they use, their permissions and stream keys, and every account action.
create table streamers (
    id            text        primary key,
    display_name  text        not null,
    tier          text        not null check (tier in ('REGULAR', 'KEY', 'STRATEGIC', 'PARTNER', 'INCUBATOR')),
    status        text        not null check (status in ('ONBOARDING', 'ACTIVE', 'OFFBOARDING', 'OFFBOARDED')),
    category      text        not null,
    started_on    date        not null,
    ops_manager   text        not null
);

create table streamer_backups (
    streamer_id   text    not null references streamers (id),
    backup_id     text    not null references streamers (id),
    rank          integer not null,
    primary key (streamer_id, backup_id),
    check (streamer_id <> backup_id)
);

-- The company owns every account; a sub-account is used by one streamer under "authorized use".
create table accounts (
    id                   text        primary key,
    kind                 text        not null check (kind in ('MAIN_ACCOUNT', 'SUB_ACCOUNT')),
    platform_handle      text        not null unique,
    authorized_streamer  text        references streamers (id),
    status               text        not null check (status in ('ACTIVE', 'PAUSED', 'SUSPENDED', 'DISABLED', 'CANCELLED', 'RECLAIMED')),
    suspended_until      timestamp with time zone,
    fans                 bigint      not null default 0 check (fans >= 0),
    check (kind = 'SUB_ACCOUNT' or authorized_streamer is null)
);

create table permission_grants (
    id            bigserial   primary key,
    account_id    text        not null references accounts (id),
    streamer_id   text        not null references streamers (id),
    level         text        not null check (level in ('STREAMER_BASIC', 'OPERATOR', 'MANAGEMENT')),
    data_export   boolean     not null default false,
    granted_at    timestamp with time zone not null,
    revoked_at    timestamp with time zone
);
create unique index permission_grants_one_active_idx on permission_grants (account_id, streamer_id) where revoked_at is null;

create table stream_keys (
    id            bigserial   primary key,
    account_id    text        not null references accounts (id),
    fingerprint   text        not null,
    issued_at     timestamp with time zone not null,
    retired_at    timestamp with time zone
);
create unique index stream_keys_one_active_idx on stream_keys (account_id) where retired_at is null;

-- Every account action, once per action id: who or which process, why, when, under which approval.
create table account_actions (
    action_id            text        primary key,
    action               text        not null,
    account_id           text        not null references accounts (id),
    actor                text        not null,
    reason               text        not null,
    approval_reference   text,
    process_instance_id  text,
    parameters           jsonb       not null,
    outcome              jsonb       not null,
    executed_at          timestamp with time zone not null
);
create index account_actions_account_idx on account_actions (account_id, executed_at);
