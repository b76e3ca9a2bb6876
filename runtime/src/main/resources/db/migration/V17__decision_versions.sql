-- The versions of every decision model, owned by the business: drafted, checked, submitted, approved by a second
-- owner, in force in a period. The models of the build (rules/) are version 1 of each; a later build whose file
-- differs arrives as a submitted version (origin DEPLOY) that the owners approve like any other change.
create table decision_versions (
    model           text                     not null,
    number          integer                  not null check (number > 0),
    namespace       text                     not null,
    xml             text                     not null,
    hash            text                     not null,
    examples        text                     not null default '',
    state           text                     not null check (state in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    origin          text                     not null check (origin in ('DEPLOY', 'EDITOR', 'UPLOAD', 'ROLLBACK')),
    based_on        integer,
    author          text                     not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    change_note     text,
    submitted_at    timestamp with time zone,
    reviewer        text,
    reviewed_at     timestamp with time zone,
    review_comment  text,
    effective_from  timestamp with time zone,
    effective_until timestamp with time zone,
    -- a rollback is in force at once; a second owner confirms it afterwards
    needs_review    boolean                  not null default false,
    primary key (model, number),
    foreign key (model, based_on) references decision_versions (model, number),
    constraint decision_versions_period check (effective_until is null or effective_until > effective_from),
    constraint decision_versions_in_force_only_approved check ((state = 'APPROVED') = (effective_from is not null)),
    constraint decision_versions_four_eyes check (reviewer is null or reviewer <> author or author = 'deploy')
);
-- one proposal per deployed file, even when several replicas start at once
create unique index decision_versions_deployed_once on decision_versions (model, hash) where origin = 'DEPLOY';

-- An approved version's content and start never change; only its end may be set, and a rollback's confirmation.
create function decision_versions_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'decision versions are never deleted' using errcode = 'restrict_violation';
    end if;
    if old.state = 'APPROVED' and (new.xml <> old.xml or new.examples <> old.examples or new.state <> old.state
            or new.effective_from <> old.effective_from or new.author <> old.author) then
        raise exception 'an approved decision version is not changed' using errcode = 'restrict_violation';
    end if;
    if old.state in ('REJECTED', 'WITHDRAWN') then
        raise exception 'a closed decision version is not changed' using errcode = 'restrict_violation';
    end if;
    return new;
end;
$$;
create trigger decision_versions_guard before update or delete on decision_versions
    for each row execute function decision_versions_guard();

-- Bumped by every change of the versions in force; each replica polls it and reloads when it moves.
create table decision_catalog_revision (
    id         integer                  primary key check (id = 1),
    revision   bigint                   not null,
    changed_at timestamp with time zone not null
);
insert into decision_catalog_revision values (1, 0, now());

-- Every evaluation names the version number it used (the hash stays the version's identity).
alter table decision_evaluations add column version_number integer;
-- the what-if replay reads the most recent evaluations of one version
create index decision_evaluations_version_idx on decision_evaluations (decision, version, id desc);
