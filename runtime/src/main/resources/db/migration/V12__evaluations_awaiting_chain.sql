-- A decision evaluated directly over the API changes nothing else, so its audit entry is not chained in the
-- request (that would make every such request wait for the chain head's lock): the evaluation row is written
-- alone with awaiting_chain = true, and audit/AuditSealer chains these evaluations in batches, oldest first,
-- within seconds and before any read of the trail, clearing the flag in the same transaction. Otherwise the
-- table is append-only, like the audit trail.
alter table decision_evaluations add column awaiting_chain boolean not null default false;
create index decision_evaluations_awaiting_chain_idx on decision_evaluations (id) where awaiting_chain;

-- The record of an evaluation is never changed or removed; the one change allowed is the sealer's clearing of
-- awaiting_chain.
create function decision_evaluations_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if old.awaiting_chain and not new.awaiting_chain
                and (to_jsonb(new) - 'awaiting_chain') = (to_jsonb(old) - 'awaiting_chain') then
            return new;
        end if;
    end if;
    raise exception 'governance.decision_evaluations is append-only: % is not allowed', tg_op
        using errcode = 'restrict_violation',
              hint = 'An evaluation is never changed or removed; evaluate again to record a new one.';
end;
$$;

create trigger decision_evaluations_append_only
    before update or delete on decision_evaluations
    for each row execute function decision_evaluations_refuse_change();
create trigger decision_evaluations_no_truncate
    before truncate on decision_evaluations
    for each statement execute function decision_evaluations_refuse_change();
