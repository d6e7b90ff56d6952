-- A host's booking terms (issue 23 finding 6, issue 17): how long a request they have not answered holds its slot,
-- and whether guests may book them in donation mode. Set by the host (PUT /api/me/booking-terms), read by the edge
-- when a session is requested; the hold travels in the session.request command, so the session topology decides
-- with the value the host had when the guest asked.

-- Minutes an unanswered request keeps others out of its slot: 0 = not at all (requests compete until the host
-- accepts one), null = the platform's default (24 h); never longer than a week.
alter table users add column request_hold_minutes integer
    check (request_hold_minutes between 0 and 10080);

-- Donation mode (pay what you like, possibly nothing) only for hosts who say they welcome it.
alter table users add column donations_welcome boolean not null default false;
