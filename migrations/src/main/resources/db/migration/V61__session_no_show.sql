-- A confirmed session can end as `no_show`: the participant who waited says the other never came (issue 17). It is
-- final, so session_status_rank (V3) already ranks it 5 with declined, cancelled and completed; only the check of
-- `sessions.status` must admit it.
alter table sessions drop constraint sessions_status_check;
alter table sessions add constraint sessions_status_check
    check (status in ('requested', 'accepted', 'declined', 'cancelled', 'awaiting_payment', 'confirmed', 'in_progress',
                      'completed', 'no_show'));
