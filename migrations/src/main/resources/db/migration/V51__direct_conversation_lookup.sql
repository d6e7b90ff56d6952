-- Opaque conversation ids (issue 23, finding 5). A direct conversation's id used to be a name-UUID of its two
-- participants' public ids, so anyone could compute it and learn, from the answer to a send, who talks to whom (and
-- who used Sam). New direct conversations get random ids; the one conversation of a pair is found through this
-- table instead: the edge claims a pair with INSERT ... ON CONFLICT DO NOTHING before it asks the conversation
-- topology to create it (two racing creates, on any replicas, read back the same id), and the projector records the
-- direct conversations the topology opens by itself (an approved managed request).
--
-- user_low/user_high: the pair in PostgreSQL's uuid order, so that (a, b) and (b, a) are one row.
create table direct_conversations (
    user_low        uuid        not null,
    user_high       uuid        not null,
    conversation_id uuid        not null unique,
    claimed_at      timestamptz not null default now(),
    primary key (user_low, user_high),
    check (user_low < user_high)
);

-- Existing conversations keep their (derived) ids: each direct conversation already projected becomes its pair's.
insert into direct_conversations (user_low, user_high, conversation_id, claimed_at)
select least(a.user_id, b.user_id), greatest(a.user_id, b.user_id), c.id, c.created_at
from conversations c
join participants a on a.conversation_id = c.id and a.member
join participants b on b.conversation_id = c.id and b.member and a.user_id < b.user_id
where c.type = 'direct'
order by c.created_at
on conflict do nothing;
