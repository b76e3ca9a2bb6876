-- One row per reported violation (one violationEscalation process instance): what was reported, by whom and
-- from where, the evidence, the severity decision with its evaluation and table version, the measures, the
-- fine, and how the case ended.
create table violations (
    violation_id            text        primary key,
    streamer_id             text        not null references streamers (id),
    violation_kind          text        not null,
    reported_by             text        not null,
    source                  text        not null check (source in ('OPERATIONS', 'CONTENT_REVIEW', 'TRAFFIC_ALERT')),
    source_reference        text,
    evidence                jsonb       not null,
    prior_violations        integer     not null check (prior_violations >= 0),
    severity                text        check (severity in ('MINOR', 'MODERATE', 'SEVERE')),
    decision_evaluation_id  bigint      references decision_evaluations (id),
    decision_version        text,
    measures                jsonb,
    fine                    numeric(14, 2) check (fine >= 0),
    fine_status             text        check (fine_status in ('NONE', 'AWAITING_APPROVAL', 'IMPOSED', 'WITHDRAWN')),
    fine_approval           text,
    offboarding_id          text,
    outcome                 text,
    reported_at             timestamp with time zone not null,
    decided_at              timestamp with time zone,
    closed_at               timestamp with time zone
);
create index violations_streamer_idx on violations (streamer_id, reported_at);

-- Every account-action approval a violation requested (the approval's process instance), and how it ended.
create table violation_approvals (
    approval_instance_id  text        primary key,
    violation_id          text        not null references violations (violation_id),
    action                text        not null,
    account_id            text        not null,
    requested_at          timestamp with time zone not null,
    outcome               text        check (outcome in ('APPROVED', 'REJECTED')),
    concluded_at          timestamp with time zone
);
create index violation_approvals_violation_idx on violation_approvals (violation_id, action);

-- Period metrics of a streamer and the TrafficAlert decision on them. One alert per streamer and period: the
-- unique key makes a repeated or concurrent post of the same period find the first alert instead of a second.
create table traffic_alerts (
    alert_id                text        primary key,
    streamer_id             text        not null references streamers (id),
    period_start            timestamp with time zone not null,
    period_end              timestamp with time zone not null,
    metrics                 jsonb       not null,
    level                   text        not null check (level in ('NONE', 'WATCH', 'INVESTIGATE')),
    decision_evaluation_id  bigint      not null references decision_evaluations (id),
    decision_version        text        not null,
    violation_id            text        references violations (violation_id),
    reported_by             text        not null,
    received_at             timestamp with time zone not null,
    constraint traffic_alerts_one_per_period unique (streamer_id, period_start, period_end),
    check (period_end > period_start)
);
