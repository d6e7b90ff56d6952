-- Payments (issue 6), owned by the payments worker; the edge reads payment_accounts (can this host be paid?) and
-- payments (one payment per session, who may read a payment). Amounts are in the currency's minor unit.

-- A host's Stripe Connect account, created once; kept current by account.updated webhooks.
create table payment_accounts (
    host_user_id      uuid primary key,
    stripe_account_id text not null unique,
    charges_enabled   boolean not null default false,
    payouts_enabled   boolean not null default false,
    -- Stripe's `created` of the last account.updated applied: an older event arriving late changes nothing.
    last_event_created bigint not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

-- The ledger: one row per payment (a paid session's price or a donation).
create table payments (
    payment_id               uuid primary key,
    kind                     text not null check (kind in ('session', 'donation')),
    session_id               uuid,
    conversation_id          uuid,
    payer_user_id            uuid not null,
    payee_user_id            uuid not null,
    amount_cents             bigint not null check (amount_cents > 0),
    currency                 text not null check (currency ~ '^[a-z]{3}$'),
    fee_cents                bigint not null check (fee_cents >= 0 and fee_cents <= amount_cents),
    refunded_cents           bigint not null default 0 check (refunded_cents >= 0 and refunded_cents <= amount_cents),
    status                   text not null check (status in ('pending', 'succeeded', 'failed', 'refunded')),
    stripe_payment_intent_id text unique,
    stripe_refund_id         text unique,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    succeeded_at             timestamptz,
    -- Set when the paid session was cancelled: a success arriving afterwards is refunded in full, never kept.
    session_cancelled_at     timestamptz,
    check (kind = 'donation' or session_id is not null)
);

-- At most one payment per session, whatever races.
create unique index payments_one_per_session on payments (session_id) where kind = 'session';
create index payments_payer on payments (payer_user_id, created_at desc);
create index payments_payee on payments (payee_user_id, created_at desc);
create index payments_succeeded_at on payments (succeeded_at) where succeeded_at is not null;

-- Every status a payment went through and what caused it (`stripe:<event id>`, `command:<id>`,
-- `session-event:<id>`); one entry per cause, so a cause applied twice is recorded once.
create table payment_status_history (
    id          bigserial primary key,
    payment_id  uuid not null references payments (payment_id),
    from_status text,
    to_status   text not null,
    cause       text not null,
    reason      text,
    occurred_at timestamptz not null default now(),
    unique (payment_id, cause)
);

-- Stripe event ids already processed: inserted in the same transaction as the state change they caused, so a
-- redelivered event changes nothing.
create table processed_stripe_events (
    stripe_event_id text primary key,
    event_type      text not null,
    processed_at    timestamptz not null default now()
);

-- Records the worker publishes after the transaction that decided them commits (transactional outbox).
create table payment_outbox (
    id         bigserial primary key,
    topic      text not null,
    record_key text not null,
    payload    text not null,
    created_at timestamptz not null default now()
);

-- Admin revenue figures: per currency, what succeeded since a point in time. The platform keeps fee_cents of every
-- payment that stays paid (a full refund also refunds the application fee). E.g. the last 24 hours:
--   select * from platform_revenue(now() - interval '24 hours');
create function platform_revenue(since timestamptz)
    returns table (currency text, payments bigint, gross_cents bigint, fee_cents bigint, refunded_cents bigint)
    language sql stable as $$
        select p.currency,
               count(*),
               sum(p.amount_cents)::bigint,
               sum(case when p.status = 'succeeded' then p.fee_cents else 0 end)::bigint,
               sum(p.refunded_cents)::bigint
        from payments p
        where p.succeeded_at >= since
        group by p.currency
        order by p.currency
    $$;
