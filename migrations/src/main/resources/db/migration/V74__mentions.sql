-- Mentions in messages (issue 20).

-- The members a message mentions, as the conversation topology kept them: a JSON array of user ids ("<@userId>" tokens
-- in content name them; clients render each by its current display name).
alter table messages add column mentioned_user_ids jsonb not null default '[]';

-- The newest message that mentions this member (0: none). The member's conversation list marks the conversation "@"
-- while it is above last_read_seq; it only ever grows.
alter table participants add column mention_seq bigint not null default 0;
