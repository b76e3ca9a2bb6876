-- Onboarding: one row per onboarding of a streamer.
create table onboardings (
    process_instance_id  text        primary key,
    streamer_id          text        not null references streamers (id),
    sub_account_id       text        not null,
    initiated_by         text        not null,
    started_at           timestamp with time zone not null,
    signed_at            timestamp with time zone,
    activated_at         timestamp with time zone
);
create index onboardings_streamer_idx on onboardings (streamer_id, started_at);

-- Every draft of the contract terms: who drafted it, what the OffboardingTerms decision said about it (the
-- recorded evaluation), and the review by legal, or by the director when legal's deadline passed.
create table contract_drafts (
    id                      bigserial   primary key,
    process_instance_id     text        not null references onboardings (process_instance_id),
    round                   integer     not null check (round > 0),
    terms                   jsonb       not null,
    drafted_by              text        not null,
    drafted_at              timestamp with time zone not null,
    decision_evaluation_id  bigint      not null references decision_evaluations (id),
    enforceable             boolean     not null,
    problems                text[]      not null,
    review_step             text        check (review_step in ('LEGAL_REVIEW', 'DIRECTOR_REVIEW')),
    review_outcome          text        check (review_outcome in ('APPROVED', 'RETURNED')),
    reviewed_by             text,
    review_comment          text,
    reviewed_at             timestamp with time zone,
    unique (process_instance_id, round)
);

-- The contract as the streamer signed it: the terms, who drafted, reviewed and signed them, and under which
-- version of the OffboardingTerms decision they were found enforceable.
create table signed_contracts (
    process_instance_id          text           primary key references onboardings (process_instance_id),
    streamer_id                  text           not null references streamers (id),
    draft_id                     bigint         not null references contract_drafts (id),
    non_compete_months           integer        not null,
    monthly_compensation         numeric(14, 2) not null,
    average_monthly_income       numeric(14, 2) not null,
    annual_revenue               numeric(16, 2) not null,
    liquidated_damages_multiple  numeric(6, 2)  not null,
    ip_investment                text           not null,
    ownership_clause             boolean        not null,
    confidentiality_list         boolean        not null,
    drafted_by                   text           not null,
    reviewed_by                  text           not null,
    review_step                  text           not null,
    signed_by                    text           not null,
    signature                    text           not null,
    signed_at                    timestamp with time zone not null,
    decision                     text           not null,
    decision_version             text           not null,
    decision_evaluation_id       bigint         not null references decision_evaluations (id)
);
create index signed_contracts_streamer_idx on signed_contracts (streamer_id);

-- Who named a backup streamer, and when.
alter table streamer_backups add column assigned_by text;
alter table streamer_backups add column assigned_at timestamp with time zone;
