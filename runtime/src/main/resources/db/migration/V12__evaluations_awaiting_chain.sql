-- A decision evaluated directly over the API changes nothing else, so its audit entry is not chained in the
-- request (that would make every such request wait for the chain head's lock): the evaluation row is written
-- alone with awaiting_chain = true, and audit/AuditSealer chains these evaluations in batches, oldest first,
-- within seconds and before any read of the trail, clearing the flag in the same transaction.
alter table decision_evaluations add column awaiting_chain boolean not null default false;
create index decision_evaluations_awaiting_chain_idx on decision_evaluations (id) where awaiting_chain;
