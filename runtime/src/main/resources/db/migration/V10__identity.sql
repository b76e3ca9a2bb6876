-- Users, their groups and password hashes (Spring Security's DelegatingPasswordEncoder format, {bcrypt}...).
-- Managed by admin through /admin/users; demo users are marked so the production profile can disable them.
create table users (
    username    text        primary key check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    password    text        not null,
    enabled     boolean     not null default true,
    demo        boolean     not null default false,
    created_at  timestamp with time zone not null default now(),
    created_by  text        not null,
    updated_at  timestamp with time zone not null default now(),
    updated_by  text        not null
);

create table user_groups (
    username    text not null references users (username) on delete cascade,
    group_name  text not null check (group_name in ('admin', 'hr', 'legal', 'ops', 'ops-manager', 'director', 'streamer', 'monitoring')),
    primary key (username, group_name)
);
