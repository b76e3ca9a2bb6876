-- Quarterly permission review: one review per quarter, every active streamer it looked at, every grant that
-- differed from the PermissionBaseline decision, the ops-manager's answer and the approval it started.

-- One review per quarter (the partial unique index: two instances or requests starting the same quarter cannot both
-- win); a review whose process instance was aborted stays on record and frees its quarter.
create table permission_reviews (
    process_instance_id  text        primary key,
    quarter              text        not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
    started_by           text        not null,
    started_at           timestamp with time zone not null,
    streamers_reviewed   integer,
    grants_reviewed      integer,
    deviations_found     integer,
    compared_at          timestamp with time zone,
    completed_at         timestamp with time zone,
    aborted_at           timestamp with time zone
);
create unique index permission_reviews_one_per_quarter_idx on permission_reviews (quarter) where aborted_at is null;

-- Every active streamer the review compared, also those without a deviation: the evidence that they were looked at.
create table permission_review_streamers (
    review_id         text     not null references permission_reviews (process_instance_id),
    streamer_id       text     not null references streamers (id),
    tier              text     not null,
    ops_manager       text     not null,
    grants_reviewed   integer  not null,
    deviations_found  integer  not null,
    primary key (review_id, streamer_id)
);

-- One active grant that differs from the baseline, with the decision evaluation behind the baseline, and what
-- became of it: confirmed by the ops-manager, or a downgrade requested through the account-action approval.
create table permission_review_deviations (
    id                      bigserial   primary key,
    review_id               text        not null references permission_reviews (process_instance_id),
    ops_manager             text        not null,
    number                  integer     not null check (number > 0),
    streamer_id             text        not null references streamers (id),
    tier                    text        not null,
    grant_id                bigint      not null references permission_grants (id),
    account_id              text        not null references accounts (id),
    account_kind            text        not null,
    account_status          text        not null,
    level                   text        not null,
    data_export             boolean     not null,
    expected_level          text        not null,
    data_export_allowed     boolean     not null,
    kinds                   text[]      not null,
    decision_evaluation_id  bigint      not null references decision_evaluations (id),
    decision_version        text        not null,
    answer                  text        check (answer in ('CONFIRMED', 'DOWNGRADE_REQUESTED', 'DOWNGRADE_NOT_POSSIBLE')),
    answered_by             text,
    answered_at             timestamp with time zone,
    comment                 text,
    approval_instance_id    text,
    unique (review_id, ops_manager, number)
);
create index permission_review_deviations_review_idx on permission_review_deviations (review_id, ops_manager, number);
