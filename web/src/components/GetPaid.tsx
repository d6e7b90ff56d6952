import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { errorText, payments } from '../endpoints';
import { connectSummary } from '../moneyViews';
import { useConnectStatus } from '../moneyQueries';
import { useUi } from '../store';
import { ErrorAlert } from './ErrorAlert';

/**
 * "Get paid": a host connects a Stripe account. The server makes the Account Link (its return and refresh addresses
 * are `#/settings?stripe=return|refresh`, set server-side); back here, the account's state comes from Stripe through
 * `GET /api/payments/connect/status`.
 */
export function GetPaid() {
  const stripe = useUi((s) => s.route.stripe);
  const status = useConnectStatus(true);
  const onboard = useMutation({
    mutationFn: payments.onboard,
    onSuccess: ({ url }) => location.assign(url),
  });
  // Back from Stripe, the host came for this card: show it, not the profile above it.
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (stripe) card.current?.scrollIntoView({ block: 'start' });
  }, [stripe]);
  const s = status.data;
  const ready = s?.chargesEnabled && s.payoutsEnabled;
  return (
    <section ref={card} className="card get-paid" aria-labelledby="get-paid-title" data-testid="get-paid" data-ready={ready ? 'true' : 'false'}>
      <h2 id="get-paid-title">Get paid</h2>
      {stripe === 'return' && <p className="muted">Back from Stripe. This is what Stripe says about your account:</p>}
      {stripe === 'refresh' && <p className="muted">The Stripe link expired before you finished. Continue to get a fresh one.</p>}
      {status.isPending && <p className="muted">Checking your Stripe account…</p>}
      <ErrorAlert message={status.error ? errorText(status.error) : undefined} />
      {s && (
        <>
          <p data-testid="connect-summary">{connectSummary(s)}</p>
          {s.connected && (
            <ul className="checklist">
              <Check ok={s.detailsSubmitted} label="Details submitted" />
              <Check ok={s.chargesEnabled} label="Charges enabled" />
              <Check ok={s.payoutsEnabled} label="Payouts enabled" />
            </ul>
          )}
          {s.requirements.length > 0 && (
            <>
              <p>Stripe still needs:</p>
              <ul data-testid="connect-requirements">
                {s.requirements.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <ErrorAlert message={onboard.error ? errorText(onboard.error) : undefined} />
      <button className={ready ? 'quiet' : 'primary'} disabled={onboard.isPending || onboard.isSuccess} onClick={() => onboard.mutate()}>
        {onboard.isPending || onboard.isSuccess ? 'Opening Stripe…' : !s?.connected ? 'Connect Stripe' : ready ? 'Update details in Stripe' : 'Continue with Stripe'}
      </button>
    </section>
  );
}

function Check({ ok, label }: { ok: boolean; label: string }) {
  return (
    <li data-ok={ok}>
      <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {label}: {ok ? 'yes' : 'not yet'}
    </li>
  );
}
