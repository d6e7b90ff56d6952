-- Each host's availability as the session topology's host calendar books by it (availability.events): the latest
-- wins (a replay of an older one changes nothing). Read by the edge's GET /api/me/availability and the slots read.
create table host_availability (
    host_id      uuid primary key,
    availability jsonb       not null,
    command_id   uuid        not null,
    updated_at   timestamptz not null
);

-- The slots read: a host's scheduled sessions that still hold their slot, by start.
create index sessions_held_by_host_start on sessions (host_user_id, start_time)
    where start_time is not null and status in ('requested', 'accepted', 'awaiting_payment', 'confirmed', 'in_progress');
