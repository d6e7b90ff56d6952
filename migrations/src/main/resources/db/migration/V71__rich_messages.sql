-- Rich messages (issue 20): replies, reactions, read receipts and message search.

-- The earlier message a reply quotes (same conversation); the quote is read from that row, so it shows the
-- original's current content, its edit, or that it was deleted.
alter table messages add column reply_to_seq bigint;

-- Per emoji, the users whose reaction is on the message: {"👍": ["<uuid>", …]}, the absolute value the conversation
-- topology emitted last.
alter table messages add column reactions jsonb not null default '{}';

-- Full-text search over what a message reads now: an edit recomputes it, a deletion (content null) empties it.
-- 'english' stems ("invoices" finds "invoice"); other languages still match on exact words.
alter table messages
    add column search_vector tsvector
        generated always as (to_tsvector('english'::regconfig, coalesce(content, ''))) stored;
create index messages_search on messages using gin (search_vector);

-- How far each member has read as the others may see it ("Seen"): moved only by reads sent with a receipt.
alter table participants add column seen_seq bigint not null default 0;

-- Whether the user sends read receipts (identity, owned by the edge).
alter table users add column read_receipts boolean not null default true;
