-- Admin: announcements (written by the edge with their outbox record, published to admin.announcements and pushed
-- to every connected client) and the audit log of every admin action.

create table announcements (
    id           uuid primary key,
    author_id    uuid        not null references users (id),
    message      text        not null check (length(message) between 1 and 2000),
    level        text        not null check (level in ('info', 'warning', 'critical')),
    published_at timestamptz not null default now()
);

create index announcements_recent on announcements (published_at desc, id desc);

-- Append-only: who did what to whom, when and why.
create table admin_audit (
    id        bigserial primary key,
    actor_id  uuid        not null references users (id),
    action    text        not null, -- user.suspend, user.reinstate, user.roles, announcement.publish
    target_id uuid,
    details   jsonb       not null default '{}',
    at        timestamptz not null default now()
);

create index admin_audit_recent on admin_audit (at desc, id desc);
