-- Read models of sessions and managed requests, materialised by the projector from sessions.events and
-- requests.events (every event carries the full snapshot, so a row is the latest snapshot), the audit trail of
-- request decisions, and full-text discovery of users. Every projected row carries `tx` like those of V2.

-- The position of a status along the session state machine: every transition moves to a higher rank, so a snapshot
-- replaces the stored one only when its rank is higher, which makes replays (in any batch boundaries) change nothing.
create function session_status_rank(status text) returns smallint
    language sql immutable strict
    as $$
        select case status
                   when 'requested' then 0
                   when 'accepted' then 1
                   when 'awaiting_payment' then 2
                   when 'confirmed' then 3
                   when 'in_progress' then 4
                   else 5 -- declined, cancelled, completed: final
               end::smallint
    $$;

create table sessions (
    id                      uuid primary key,
    guest_user_id           uuid        not null,
    host_user_id            uuid        not null,
    conversation_id         uuid, -- the conversation it was requested from
    start_time              timestamptz, -- null = instant session
    duration_minutes        integer     not null check (duration_minutes between 5 and 480),
    price_cents             bigint      not null check (price_cents >= 0),
    currency                text        not null check (currency ~ '^[a-z]{3}$'),
    payment_mode            text        not null check (payment_mode in ('free', 'paid', 'donation')),
    status                  text        not null check (status in ('requested', 'accepted', 'declined', 'cancelled',
                                                                   'awaiting_payment', 'confirmed', 'in_progress',
                                                                   'completed')),
    requested_at            timestamptz not null,
    updated_at              timestamptz not null,
    started_at              timestamptz,
    completed_at            timestamptz,
    actual_duration_seconds bigint check (actual_duration_seconds >= 0),
    tx                      bigint      not null default current_tx()
);

create index sessions_by_guest on sessions (guest_user_id);
create index sessions_by_host on sessions (host_user_id);
create index sessions_by_conversation on sessions (conversation_id) where conversation_id is not null;
create index sessions_tx on sessions (tx);

create table requests (
    id                  uuid primary key,
    requester_id        uuid        not null,
    host_user_id        uuid        not null,
    manager_id          uuid        not null, -- the host's manager when the request was made
    representative_name text,
    message             text        not null,
    status              text        not null check (status in ('pending', 'approved', 'declined', 'withdrawn')),
    conversation_id     uuid, -- the direct conversation requester ↔ host, set on approval
    created_at          timestamptz not null,
    decided_at          timestamptz,
    decided_by          uuid,
    reason              text,
    tx                  bigint      not null default current_tx()
);

create index requests_by_requester on requests (requester_id);
create index requests_by_manager on requests (manager_id);
create index requests_by_host on requests (host_user_id);
create index requests_tx on requests (tx);

-- Who decided what, when and why: one row per request.status-changed event, written once.
create table request_decisions (
    event_id    uuid primary key,
    request_id  uuid        not null,
    actor_id    uuid        not null,
    from_status text        not null,
    to_status   text        not null,
    reason      text,
    decided_at  timestamptz not null,
    tx          bigint      not null default current_tx()
);

create index request_decisions_by_request on request_decisions (request_id, decided_at);

-- Discovery: full-text search over display name (weight A), tags (B) and bio (C). The 'simple' configuration
-- lower-cases and splits words without stemming or stop words: names and tags are proper nouns and keywords in any
-- language, which English stemming would mangle. Query it with the same configuration, e.g.
-- `search_vector @@ websearch_to_tsquery('simple', :q)` ranked by `ts_rank(search_vector, query)`.
-- array_to_string is only stable in general (element output functions); for text[] it is immutable, which a
-- generated column needs.
create function search_tags(tags text[]) returns text
    language sql immutable strict
    as $$ select array_to_string(tags, ' ') $$;

alter table users add column search_vector tsvector generated always as (
    setweight(to_tsvector('simple', display_name), 'A')
        || setweight(to_tsvector('simple', coalesce(search_tags(tags), '')), 'B')
        || setweight(to_tsvector('simple', bio), 'C')) stored;

create index users_search on users using gin (search_vector);
