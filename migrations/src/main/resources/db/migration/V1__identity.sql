-- Identity is owned by the edge and is synchronous: users, their credentials and refresh tokens.

create table users (
    id                  uuid primary key,
    email               text        not null,
    display_name        text        not null,
    roles               text[]      not null default '{user}',
    bio                 text        not null default '',
    tags                text[]      not null default '{}',
    price_cents         bigint check (price_cents >= 0),
    currency            text check (currency ~ '^[a-z]{3}$'),
    instant_available   boolean     not null default false,
    manager_id          uuid references users (id),
    representative_name text,
    suspended           boolean     not null default false,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

-- Emails are compared case-insensitively; the edge stores them lower-cased.
create unique index users_email_key on users (lower(email));

create table credentials (
    user_id       uuid primary key references users (id) on delete cascade,
    password_hash text        not null, -- Argon2id, PHC string format
    updated_at    timestamptz not null default now()
);

-- Refresh tokens rotate: each use replaces the token with a new one of the same family. A token presented
-- after it was rotated is a theft signal and revokes the whole family.
create table refresh_tokens (
    id          uuid primary key,
    family_id   uuid        not null,
    user_id     uuid        not null references users (id) on delete cascade,
    token_hash  bytea       not null unique, -- SHA-256 of the opaque token; the token itself is never stored
    issued_at   timestamptz not null default now(),
    expires_at  timestamptz not null,
    rotated_at  timestamptz,
    revoked_at  timestamptz
);

create index refresh_tokens_family on refresh_tokens (family_id);
create index refresh_tokens_user on refresh_tokens (user_id);

-- Transactional outbox: identity changes are written here in the same transaction as the change and
-- published to users.events by the edge's outbox relay, then marked published.
create table outbox (
    id           bigserial primary key,
    topic        text        not null,
    record_key   text        not null,
    payload      jsonb       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_unpublished on outbox (id) where published_at is null;
