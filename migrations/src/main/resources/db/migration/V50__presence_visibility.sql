-- Presence only to those who share a conversation (issue 23, finding 9): a host may opt in to showing it to every
-- signed-in user (Discover's "online now"); everyone else's presence is for their co-members only. Off by default.
alter table users add column presence_public boolean not null default false;
