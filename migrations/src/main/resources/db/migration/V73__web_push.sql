-- Web Push (issue 19): the browsers' push subscriptions, one per device, and one sent-ledger row per notification
-- and subscription.

-- A device's subscription as PushManager.subscribe() gave it: where to POST (the push service's endpoint, unique:
-- the same browser profile registering again, even for another user, takes the row over) and the keys the payload
-- is encrypted to (RFC 8291: the device's P-256 public key and its 16-byte auth secret, base64url).
create table push_subscriptions (
    id         uuid primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    endpoint   text        not null unique,
    p256dh     text        not null,
    auth       text        not null,
    user_agent text,
    created_at timestamptz not null default now()
);
create index push_subscriptions_by_user on push_subscriptions (user_id);

-- A push ledger row names its subscription; a subscription the push service calls gone (404/410) is deleted, and its
-- pending rows with it, so it is never tried again. An e-mail row has none. For a push row, text_body holds the JSON
-- payload encrypted to the device, subject its title, html_body nothing.
alter table notification_deliveries
    add column subscription_id uuid references push_subscriptions (id) on delete cascade;
alter table notification_deliveries drop constraint notification_deliveries_pkey;
create unique index notification_deliveries_once
    on notification_deliveries (notification_id, channel,
                                coalesce(subscription_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- An e-mail's iCalendar attachment (the session-confirmed e-mail carries the session's .ics), sent as composed.
alter table notification_deliveries add column calendar text;
