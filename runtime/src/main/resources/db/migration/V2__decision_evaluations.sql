-- Every successful decision evaluation: the evidence of what was decided, under which table version, for whom.
create table decision_evaluations (
    id            bigserial                primary key,
    evaluated_at  timestamp with time zone not null,
    decision      text                     not null,
    namespace     text                     not null,
    version       text                     not null,
    inputs        jsonb                    not null,
    outputs       jsonb                    not null,
    matched_rules text[]                   not null,
    caller_kind   text                     not null,
    caller_id     text                     not null,
    process_id    text
);
create index decision_evaluations_decision_idx on decision_evaluations (decision, evaluated_at);
create index decision_evaluations_caller_idx on decision_evaluations (caller_id);
