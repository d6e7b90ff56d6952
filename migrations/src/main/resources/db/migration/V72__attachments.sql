-- Attachments (issue 20): the edge registers an upload before the bytes go to object storage (S3, or the standalone's
-- disk), and marks it ready once it checked what arrived (size, type, an image's pixels and thumbnail). A message
-- refers to ready attachments of its own conversation; an avatar is a ready attachment of purpose 'avatar'.
create table attachments (
    id              uuid primary key,
    owner_id        uuid        not null references users (id),
    -- The conversation whose members may fetch it; null for an avatar (any signed-in user may).
    conversation_id uuid,
    purpose         text        not null check (purpose in ('message', 'avatar')),
    name            text        not null check (length(name) between 1 and 255),
    content_type    text        not null,
    size_bytes      bigint      not null check (size_bytes > 0),
    width           int check (width > 0),
    height          int check (height > 0),
    thumbnail       boolean     not null default false,
    ready_at        timestamptz,
    created_at      timestamptz not null default now(),
    check ((purpose = 'message') = (conversation_id is not null))
);

create index attachments_by_conversation on attachments (conversation_id) where conversation_id is not null;

-- The message's attachments as the conversation topology accepted them (message.sent's `attachments`).
alter table messages add column attachments jsonb not null default '[]';

-- A user's profile picture: one of their ready avatar attachments.
alter table users add column avatar_attachment_id uuid references attachments (id);
