-- The Sam proposal (the actionId of a propose_booking or open_request action) a session or a managed request was
-- made from, so that the card of that proposal shows what became of it on every device, and the booking API refuses
-- to book the same proposal twice.
alter table sessions add column sam_action_id uuid;
alter table requests add column sam_action_id uuid;

create index sessions_by_guest_sam_action on sessions (guest_user_id, sam_action_id) where sam_action_id is not null;
