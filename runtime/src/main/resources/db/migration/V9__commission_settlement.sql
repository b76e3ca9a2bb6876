-- Monthly commission settlement: the figures loaded per streamer and month, each settlement with its reviews,
-- and one payout line per streamer as the CommissionSplit decision computed it.

-- The month's figures of one streamer, as loaded from the sales system (the inputs of CommissionSplit).
create table commission_figures (
    month          text        not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    streamer_id    text        not null references streamers (id),
    sales          numeric     not null check (sales >= 0),
    target         numeric     not null check (target >= 0),
    traffic_sales  numeric     not null check (traffic_sales >= 0),
    profit_pool    numeric     check (profit_pool >= 0),
    loaded_by      text        not null,
    loaded_at      timestamp with time zone not null,
    primary key (month, streamer_id)
);

-- One settlement run of a month. A month has at most one run that holds it, under way or approved (the partial
-- unique index: two instances starting the same month at once cannot both win); a rejected or aborted run stays
-- on record and the month may be settled again.
create table commission_settlements (
    process_instance_id          text        primary key,
    month                        text        not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    status                       text        not null check (status in ('COMPUTING', 'IN_HR_REVIEW', 'AWAITING_DIRECTOR',
                                                 'APPROVED', 'REJECTED_BY_HR', 'REJECTED_BY_DIRECTOR', 'ABORTED')),
    holds_month                  boolean     not null generated always as
                                     (status not in ('REJECTED_BY_HR', 'REJECTED_BY_DIRECTOR', 'ABORTED')) stored,
    started_by                   text        not null,
    started_at                   timestamp with time zone not null,
    payout_count                 integer,
    total                        numeric,
    largest_payout               numeric,
    -- the PayoutApproval evaluation that decided whether the director must approve
    approval_evaluation_id       bigint      references decision_evaluations (id),
    approval_decision_version    text,
    director_approval_required   boolean,
    director_approval_reason     text,
    hr_reviewed_by               text,
    hr_reviewed_at               timestamp with time zone,
    hr_approved                  boolean,
    hr_comment                   text,
    director_decided_by          text,
    director_decided_at          timestamp with time zone,
    director_approved            boolean,
    director_comment             text,
    approved_at                  timestamp with time zone
);
create unique index commission_settlements_one_per_month_idx on commission_settlements (month) where holds_month;

-- One payout per streamer and settlement: the figures it was computed from, every component exactly as the
-- decision gave it, and the recorded evaluation (version and matched rules) behind it.
create table commission_payouts (
    settlement_id           text        not null references commission_settlements (process_instance_id),
    streamer_id             text        not null references streamers (id),
    tier                    text        not null,
    cooperation_months      integer     not null check (cooperation_months >= 0),
    sales                   numeric     not null,
    target                  numeric     not null,
    traffic_sales           numeric     not null,
    profit_pool             numeric,
    base_rate               numeric     not null,
    base_amount             numeric     not null,
    target_met              boolean     not null,
    excess_rate             numeric     not null,
    excess_amount           numeric     not null,
    traffic_rate            numeric     not null,
    traffic_amount          numeric     not null,
    dividend_eligible       boolean     not null,
    dividend_share          numeric     not null,
    dividend_amount         numeric     not null,
    total                   numeric     not null,
    decision_evaluation_id  bigint      not null references decision_evaluations (id),
    decision_version        text        not null,
    matched_rules           text[]      not null,
    primary key (settlement_id, streamer_id)
);
