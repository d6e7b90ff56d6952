-- The review of a completed session, projected from sessions.events: the guest's rating (1-5) and optional text
-- (session.reviewed), the host's one public answer (session.review-answered). Both events are final in the topology, so
-- the projector inserts a review once and sets an answer only while there is none: a replay changes nothing. `hidden`
-- is the admins' (edge-owned): an abusive review stays counted nowhere and shown to no one, and no replay unhides it.
create table session_reviews (
    session_id  uuid primary key,
    host_id     uuid        not null,
    guest_id    uuid        not null,
    rating      smallint    not null check (rating between 1 and 5),
    text        text check (length(text) between 1 and 2000),
    answer      text check (length(answer) between 1 and 2000),
    answered_at timestamptz,
    hidden      boolean     not null default false,
    created_at  timestamptz not null,
    check ((answer is null) = (answered_at is null))
);

-- A host's reviews newest first (their profile, GET /api/hosts/:id/reviews) and their average.
create index session_reviews_by_host on session_reviews (host_id, created_at desc);
