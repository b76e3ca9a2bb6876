-- The audit trail: one append-only table, every entry hash-chained to the one before it.
-- entry_hash = SHA-256(previous_hash || '\n' || canonical JSON of the entry); see audit/CanonicalForm.
create table audit_trail (
    sequence             bigint                   primary key check (sequence > 0),
    recorded_at          timestamp with time zone not null,
    actor                text                     not null,
    action               text                     not null,
    target_kind          text,
    target_id            text,
    reason               text,
    process_instance_id  text,
    streamer_id          text,
    details              jsonb                    not null,
    previous_hash        text                     not null,
    entry_hash           text                     not null unique
);
create index audit_trail_streamer_idx on audit_trail (streamer_id, sequence) where streamer_id is not null;
create index audit_trail_process_idx on audit_trail (process_instance_id, sequence) where process_instance_id is not null;

-- The head of the chain: one row, locked FOR UPDATE by every append, so appends from every replica and
-- thread are serialized; it also remembers the last entry, so a removed tail is detected.
create table audit_chain_head (
    id          integer primary key check (id = 1),
    sequence    bigint  not null,
    entry_hash  text    not null
);
insert into audit_chain_head (id, sequence, entry_hash) values (1, 0, repeat('0', 64));

-- Entries are never changed or removed.
create function audit_trail_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'governance.audit_trail is append-only: % is not allowed', tg_op
        using errcode = 'restrict_violation',
              hint = 'An audit entry is never changed or removed; record a new entry instead.';
end;
$$;

create trigger audit_trail_append_only
    before update or delete on audit_trail
    for each row execute function audit_trail_refuse_change();
create trigger audit_trail_no_truncate
    before truncate on audit_trail
    for each statement execute function audit_trail_refuse_change();

-- A new entry continues the chain: it follows the entry before it and names that entry's hash.
create function audit_trail_check_link() returns trigger language plpgsql as $$
declare
    previous text;
begin
    if new.sequence = 1 then
        previous := repeat('0', 64);
    else
        select entry_hash into previous from governance.audit_trail where sequence = new.sequence - 1;
    end if;
    if previous is null or previous <> new.previous_hash then
        raise exception 'audit entry % does not continue the chain', new.sequence
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger audit_trail_linked
    before insert on audit_trail
    for each row execute function audit_trail_check_link();

-- The head only moves forward, to an entry that exists; it is never removed.
create function audit_chain_head_check() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'governance.audit_chain_head: % is not allowed', tg_op using errcode = 'restrict_violation';
    end if;
    if new.id <> old.id or new.sequence <= old.sequence
            or not exists (select 1 from governance.audit_trail where sequence = new.sequence and entry_hash = new.entry_hash) then
        raise exception 'governance.audit_chain_head may only advance to the last recorded entry'
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger audit_chain_head_advances
    before insert or update or delete on audit_chain_head
    for each row execute function audit_chain_head_check();
create trigger audit_chain_head_no_truncate
    before truncate on audit_chain_head
    for each statement execute function audit_chain_head_check();
