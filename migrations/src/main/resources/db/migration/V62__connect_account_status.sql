-- What a host's settings show of their Stripe Connect account (issue 17, GET /api/payments/connect/status): whether
-- they finished Stripe's onboarding form, and what Stripe still needs from them (the account's
-- requirements.currently_due, as Stripe names them). Written by the payments worker from the account it created and
-- from every account.updated it applies.
alter table payment_accounts add column details_submitted boolean not null default false;
alter table payment_accounts add column requirements_due text[] not null default '{}';
