-- Trust and safety (issue 22), owned by the edge.
--
-- Blocks: who blocked whom. Each change also goes through the outbox to the compacted users.safety, where the
-- conversation, session and request topologies read it (a global store) to refuse the blocked user; this table answers
-- GET /api/blocks, the payments admission (tips), Sam's proposals and the edge's presence filter.
create table user_blocks (
    blocker_id uuid        not null references users (id) on delete cascade,
    blocked_id uuid        not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (blocker_id, blocked_id),
    check (blocker_id <> blocked_id)
);

create index user_blocks_by_blocked on user_blocks (blocked_id);

-- A host's inbound policy (also published to users.safety): strangers start with a request only, and/or at most
-- inbound_daily_cap new direct conversations a UTC day.
alter table users
    add column inbound_request_first boolean not null default false,
    add column inbound_daily_cap     integer check (inbound_daily_cap between 1 and 10000);

-- Reports: what was reported, as it was at report time (snapshot), by whom (shown to admins only), and how an admin
-- resolved it. The queue groups open reports per reported user.
create table reports (
    id               uuid primary key,
    reporter_id      uuid        not null references users (id) on delete cascade,
    reported_user_id uuid references users (id) on delete set null,
    target_type      text        not null check (target_type in ('message', 'profile', 'review', 'session')),
    target_id        uuid        not null,
    reason           text        not null check (reason in
        ('spam', 'harassment', 'hate', 'sexual', 'violence', 'scam', 'impersonation', 'other')),
    details          text check (length(details) between 1 and 2000),
    snapshot         jsonb       not null,
    created_at       timestamptz not null default now(),
    resolution       text check (resolution in ('dismiss', 'hide_message', 'suspend', 'ban')),
    resolution_note  text check (length(resolution_note) between 1 and 2000),
    resolved_by      uuid references users (id),
    resolved_at      timestamptz,
    check ((resolution is null) = (resolved_at is null))
);

-- The open queue, oldest first per reported user; a reporter's own reports, newest first.
create index reports_open on reports (reported_user_id, created_at) where resolved_at is null;
create index reports_by_reporter on reports (reporter_id, created_at desc);
-- One open report per reporter and target: reporting the same thing twice adds nothing to the queue.
create unique index reports_one_open_per_target on reports (reporter_id, target_type, target_id)
    where resolved_at is null;
