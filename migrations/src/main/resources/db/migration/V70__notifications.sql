-- Notifications (issue 19), written by the notifier, read by the edge.
-- Every id is derived from the event that caused it, so a redelivered event or a restarted notifier writes nothing new.

-- The in-app list: one row per notification and recipient.
create table notifications (
    id              uuid primary key,
    user_id         uuid        not null,
    kind            text        not null,
    title           text        not null,
    body            text        not null,
    link            text        not null,
    conversation_id uuid,
    source_event_id uuid        not null,
    created_at      timestamptz not null,
    read_at         timestamptz
);
create index notifications_by_user on notifications (user_id, created_at desc, id desc);
create index notifications_unread on notifications (user_id) where read_at is null;

-- Messages their recipient has not read yet, waiting for the unread delay; a read position covering one deletes it,
-- a digest takes them all.
create table notification_unread_messages (
    user_id         uuid        not null,
    conversation_id uuid        not null,
    seq             bigint      not null,
    message_id      uuid        not null,
    sender_id       uuid        not null,
    preview         text        not null,
    sent_at         timestamptz not null,
    primary key (user_id, conversation_id, seq)
);
create index notification_unread_messages_due on notification_unread_messages (sent_at);

-- The sent-ledger: one row per notification and channel, composed (status pending) in the transaction that created
-- the notification, checked and marked sent by the dispatcher. A row that is not pending is never sent again.
create table notification_deliveries (
    notification_id uuid        not null,
    channel         text        not null check (channel in ('email', 'push')),
    user_id         uuid        not null,
    recipient       text        not null,
    subject         text        not null,
    text_body       text        not null,
    html_body       text        not null,
    status          text        not null default 'pending' check (status in ('pending', 'sent', 'dead')),
    attempts        int         not null default 0,
    last_error      text,
    composed_at     timestamptz not null,
    not_before      timestamptz not null,
    sent_at         timestamptz,
    primary key (notification_id, channel)
);
create index notification_deliveries_pending on notification_deliveries (not_before) where status = 'pending';

-- Preferences; a user without a row has the defaults (every channel on, e-mail digests after the unread delay,
-- no quiet hours, UTC).
create table notification_preferences (
    user_id           uuid primary key references users (id) on delete cascade,
    email_enabled     boolean     not null default true,
    push_enabled      boolean     not null default true,
    email_digest      text        not null default 'batched' check (email_digest in ('batched', 'hourly', 'daily')),
    quiet_hours_start time,
    quiet_hours_end   time,
    time_zone         text        not null default 'UTC',
    updated_at        timestamptz not null default now(),
    check ((quiet_hours_start is null) = (quiet_hours_end is null))
);

create table notification_muted_conversations (
    user_id         uuid not null references users (id) on delete cascade,
    conversation_id uuid not null,
    primary key (user_id, conversation_id)
);

-- When each user last got an e-mail digest, for the hourly and daily frequencies.
create table notification_digest_state (
    user_id        uuid primary key,
    last_digest_at timestamptz not null
);

-- Every edge replica listens on channel 'notifications' and pushes the user's new unread count to their sockets.
-- PostgreSQL delivers a notification only when its transaction commits, once per distinct payload (the user id).
create function notifications_notify() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('notifications', new.user_id::text);
    return null;
end
$$;

create trigger notifications_changed
    after insert or update of read_at on notifications
    for each row
execute function notifications_notify();
