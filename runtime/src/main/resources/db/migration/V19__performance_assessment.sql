-- Monthly performance assessment (issue 14): the indicator scores loaded per streamer and month, each month's run,
-- and one assessment per streamer and month as the PerformanceScore decision scored it, with the ops-manager's
-- review and, after the third weak month in a row, HR's improvement decision.

-- The month's scores of one streamer (0 to 100, exact decimals, two places at most), as loaded from the data team
-- (the inputs of PerformanceScore). The new products' conversion is measured only in a month with a new-product push.
create table performance_figures (
    month                         text        not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    streamer_id                   text        not null references streamers (id),
    traffic_score                 numeric     not null check (traffic_score between 0 and 100),
    conversion_score              numeric     not null check (conversion_score between 0 and 100),
    retention_score               numeric     not null check (retention_score between 0 and 100),
    service_score                 numeric     not null check (service_score between 0 and 100),
    new_product_conversion_score  numeric     check (new_product_conversion_score between 0 and 100),
    team_score                    numeric     not null check (team_score between 0 and 100),
    target                        numeric     not null check (target between 0 and 100),
    loaded_by                     text        not null,
    loaded_at                     timestamp with time zone not null,
    primary key (month, streamer_id)
);

-- One assessment run of a month (by HR over the API, or by the monthly schedule): a month is assessed once.
create table performance_runs (
    month        text        primary key check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    started_by   text        not null,
    started_at   timestamp with time zone not null,
    streamers    integer     not null check (streamers >= 0)
);

-- One streamer's assessed month (its process instance): the scores it was computed from, the decision's answer
-- with the recorded evaluation and the version in force for the month, the run of weak months it ends, the
-- ops-manager's review (the comment is shown to the streamer) and, for a third weak month in a row, the
-- improvement case: HR's choice, who made it, and the offboarding a negotiated end started.
create table performance_assessments (
    process_instance_id           text        primary key,
    month                         text        not null references performance_runs (month),
    streamer_id                   text        not null references streamers (id),
    ops_manager                   text,
    status                        text        not null check (status in ('IN_REVIEW', 'ASSESSED', 'IMPROVEMENT_CASE', 'CLOSED')),
    traffic_score                 numeric     not null,
    conversion_score              numeric     not null,
    retention_score               numeric     not null,
    service_score                 numeric     not null,
    new_product_conversion_score  numeric,
    team_score                    numeric     not null,
    target                        numeric     not null,
    individual_score              numeric     not null,
    combined_score                numeric     not null,
    target_met                    boolean     not null,
    grade                         text        not null,
    weak_months                   integer     not null check (weak_months >= 0),
    decision_evaluation_id        bigint      not null references decision_evaluations (id),
    decision_version              text        not null,
    decision_version_number       integer     not null,
    matched_rules                 text[]      not null,
    assessed_at                   timestamp with time zone not null,
    reviewed_by                   text,
    reviewed_at                   timestamp with time zone,
    review_comment                text,
    improvement_opened_at         timestamp with time zone,
    improvement_choice            text        check (improvement_choice in ('TRAINING', 'ROLE_CHANGE', 'NEGOTIATED_END')),
    improvement_note              text,
    improvement_decided_by        text,
    improvement_decided_at        timestamp with time zone,
    offboarding_id                text,
    closed_at                     timestamp with time zone,
    unique (month, streamer_id)
);
create index performance_assessments_streamer_idx on performance_assessments (streamer_id, month);
