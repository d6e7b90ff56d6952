-- Reschedules, projected from sessions.events: the proposal waiting for the other participant's answer
-- (session.reschedule-proposed sets it, session.reschedule-declined and session.rescheduled clear it) and how many
-- times the session moved (session.rescheduled: its calendar file's SEQUENCE; start_time moves with it). A step older
-- than the one stored (schedule_updated_at) or a move not newer than the stored sequence changes nothing, so a replay
-- is harmless.
alter table sessions
    add column proposed_start      timestamptz,
    add column proposed_by         uuid,
    add column reschedule_sequence integer not null default 0 check (reschedule_sequence >= 0),
    add column schedule_updated_at timestamptz,
    add constraint sessions_proposal_whole check ((proposed_start is null) = (proposed_by is null));
