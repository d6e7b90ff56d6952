-- Payments in GET /api/sync (DESIGN.md: sync carries "messages, conversations, unread, sessions, requests,
-- payments"), and a client secret the payer can fetch again.
--
-- The payments worker writes the ledger itself (no projector), so `tx` — the id of the transaction that last
-- wrote the row, which the sync cursor orders by (see V2) — is kept by a trigger on every insert and update.
alter table payments add column tx bigint not null default current_tx();

create function payments_touch_tx() returns trigger
    language plpgsql
    as $$
begin
    new.tx := current_tx();
    return new;
end
$$;

create trigger payments_tx before insert or update on payments
    for each row execute function payments_touch_tx();

create index payments_payer_tx on payments (payer_user_id, tx);
create index payments_payee_tx on payments (payee_user_id, tx);

-- The PaymentIntent's client secret, so the payer can complete a payment whose `payment.updated` frame they missed
-- (offline, or another device). Only the payer ever reads it (GET /api/payments/:id, /api/sync), and only while
-- the payment is pending.
alter table payments add column stripe_client_secret text;
