-- E-mail verification (issue 23, finding 1): an address is proven by a signed link; roles granted by e-mail
-- (HUMANCHAT_ADMIN_EMAILS), payouts and managed-host settings wait for it. Existing accounts start unverified.
alter table users add column email_verified_at timestamptz;

-- When the last verification e-mail went out: a resend is refused (429) within a minute of it, on every replica.
create table email_verification_sends (
    user_id      uuid primary key references users (id) on delete cascade,
    last_sent_at timestamptz not null
);

-- Managers are people who said yes (finding 7): a host invites, the invitee accepts, either ends it. A host has at
-- most one open (pending or accepted) invitation; users.manager_id mirrors the accepted one, in the same transaction.
create table manager_invitations (
    id              uuid primary key,
    host_user_id    uuid        not null references users (id) on delete cascade,
    manager_user_id uuid        not null references users (id) on delete cascade,
    status          text        not null check (status in ('pending', 'accepted', 'ended')),
    created_at      timestamptz not null default now(),
    accepted_at     timestamptz,
    ended_at        timestamptz,
    check (host_user_id <> manager_user_id)
);

create unique index manager_invitations_open_per_host on manager_invitations (host_user_id) where status <> 'ended';
create index manager_invitations_by_manager on manager_invitations (manager_user_id) where status <> 'ended';

-- A manager named before invitations existed never said yes: the naming becomes a pending invitation and the host
-- is unmanaged until the named account accepts it.
insert into manager_invitations (id, host_user_id, manager_user_id, status)
select gen_random_uuid(), id, manager_id, 'pending' from users where manager_id is not null;
update users set manager_id = null where manager_id is not null;
