-- Wake the edge's outbox relay when rows are committed, instead of it querying the table several times a second:
-- every replica listens on channel 'outbox'. PostgreSQL delivers a notification only when its transaction commits,
-- and folds identical ones of one transaction into one, so a statement-level trigger costs one per transaction.
create function outbox_notify() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('outbox', '');
    return null;
end
$$;

create trigger outbox_inserted
    after insert on outbox
    for each statement
execute function outbox_notify();
