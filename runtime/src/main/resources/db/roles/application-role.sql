-- What the application's own login may do. Run by the owner after every migration (config/ApplicationRoleGrants);
-- :role stands for the application's login (spring.datasource.username). Only the owner may alter, drop or
-- truncate a table or switch its triggers off; the application reads and writes rows, and no more.
grant usage on schema governance, public to :role;
grant select, insert, update, delete on all tables in schema governance, public to :role;
grant usage, select on all sequences in schema governance, public to :role;
revoke truncate, references, trigger on all tables in schema governance, public from :role;
-- tables and sequences the owner creates later (the next migration, a Kogito upgrade) are granted the same way
alter default privileges in schema governance, public grant select, insert, update, delete on tables to :role;
alter default privileges in schema governance, public grant usage, select on sequences to :role;

-- Append-only: an audit entry is added, never removed. UPDATE stays for one change only, which the table's trigger
-- enforces: chaining an entry that waits for the chain (V18: sequence and hashes set once, continuing the chain).
revoke delete on governance.audit_trail from :role;
-- The head of the chain is advanced (and locked FOR UPDATE, which needs UPDATE), never added or removed.
revoke insert, delete on governance.audit_chain_head from :role;
-- An evaluation is only sealed (awaiting_chain cleared, see V12); a decision version is never removed.
revoke delete on governance.decision_evaluations, governance.decision_versions from :role;
-- The process history is only appended to.
revoke update, delete on governance.process_events from :role;
-- The migration histories (ours and Kogito's) are the owner's alone.
do $$
declare
    history record;
begin
    for history in select schemaname, tablename from pg_tables
            where schemaname in ('governance', 'public')
              and (tablename = 'flyway_schema_history' or tablename like 'kie\_flyway\_history\_%') loop
        execute format('revoke insert, update, delete on %I.%I from %s', history.schemaname, history.tablename, ':role');
    end loop;
end;
$$;

-- The performance record (V19): figures are loaded or replaced, runs and assessments are written as the process
-- goes; none of them is ever removed (a dispute over a negotiated end relies on them).
revoke delete on governance.performance_figures, governance.performance_runs, governance.performance_assessments from :role;
