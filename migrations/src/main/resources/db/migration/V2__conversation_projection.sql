-- Read models materialised by the projector from chat.events and chat.unread. Kafka is the source of truth:
-- every write here is an idempotent upsert, so replaying a topic rebuilds the same rows.
--
-- Every projected row carries `tx`, the id of the transaction that last wrote it. GET /api/sync orders changes
-- by it: rows whose tx is below the oldest transaction still running (pg_snapshot_xmin) can no longer change
-- position, which makes a sync cursor exact even though the projector writes from several threads.

create function current_tx() returns bigint
    language sql volatile
    as 'select pg_current_xact_id()::text::bigint';

create table conversations (
    id                uuid primary key,
    type              text        not null check (type in ('direct', 'group')),
    created_by        uuid        not null,
    created_at        timestamptz not null,
    last_seq          bigint      not null default 0,
    last_activity     timestamptz not null,
    linked_session_id uuid,
    tx                bigint      not null default current_tx()
);

create index conversations_tx on conversations (tx);

-- One row per member. No foreign key to conversations: unread counts (keyed by user) may be projected before
-- the conversation.created event (keyed by conversation) of the same conversation.
create table participants (
    conversation_id    uuid        not null,
    user_id            uuid        not null,
    joined_at          timestamptz,
    member             boolean     not null default false, -- true once conversation.created was projected
    last_read_seq      bigint      not null default 0,
    unread_count       bigint      not null default 0,
    unread_as_of_seq   bigint      not null default 0,     -- (lastSeq, lastReadSeq) of the newest count applied
    unread_as_of_read  bigint      not null default 0,
    tx                 bigint      not null default current_tx(),
    primary key (conversation_id, user_id)
);

create index participants_by_user on participants (user_id, conversation_id) where member;
create index participants_tx on participants (user_id, tx);

create table messages (
    conversation_id   uuid        not null,
    seq               bigint      not null,
    id                uuid        not null unique,
    sender_id         uuid        not null,
    client_message_id text        not null,
    content           text, -- null once deleted
    type              text        not null check (type in ('text', 'system', 'sam')),
    actions           jsonb       not null default '[]',
    sent_at           timestamptz not null,
    edited_at         timestamptz,
    deleted_at        timestamptz,
    tx                bigint      not null default current_tx(),
    primary key (conversation_id, seq)
);

create index messages_tx on messages (conversation_id, tx);
create index messages_by_client_id on messages (sender_id, client_message_id);

-- Total unread per user, as last computed by the unread topology.
create table unread_totals (
    user_id      uuid primary key,
    total_unread bigint not null default 0,
    tx           bigint not null default current_tx()
);
