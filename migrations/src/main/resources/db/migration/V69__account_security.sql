-- Own your data and sign-in hardening (issue 22).

-- Account deletion with a grace period: the owner asks, the account is erased once deletion_due_at passes (unless
-- they cancel before), and deleted_at marks the pseudonymised row that stays behind for the payments ledger and the
-- messages others keep.
alter table users add column deletion_due_at timestamptz;
alter table users add column deleted_at timestamptz;
create index users_deletion_due on users (deletion_due_at) where deletion_due_at is not null;

-- A null payload is a tombstone: the relay publishes the key with a null value, which a compacted topic keeps as the
-- key's last word until the cleaner drops every earlier record of it.
alter table outbox alter column payload drop not null;

-- TOTP two-factor sign-in (RFC 6238). The secret is kept as the Base32 text the authenticator app was given;
-- confirmed_at is null while the owner has not proved their app computes the same codes. last_step is the 30-second
-- time step of the last code accepted: a code of that step or an earlier one is never accepted again (replay).
create table two_factor (
    user_id      uuid primary key references users (id) on delete cascade,
    secret       text        not null,
    confirmed_at timestamptz,
    last_step    bigint      not null default 0,
    created_at   timestamptz not null default now()
);

-- Recovery codes, each usable once, stored as the SHA-256 of the code (the codes are random, so a salt adds nothing).
create table two_factor_recovery_codes (
    user_id   uuid        not null references users (id) on delete cascade,
    code_hash bytea       not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

