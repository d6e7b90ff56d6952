import dynamic from 'next/dynamic';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api';
import { errorText } from '../endpoints';
import { formatAmount } from '../money';
import { type Outcome } from '../moneyViews';
import { moneyChanged, usePayment } from '../moneyQueries';
import { ErrorAlert } from './ErrorAlert';

// Stripe.js and the Payment Element load only when someone pays (the first-visit budget, scripts/bundle-size.mjs).
const PaymentSheet = dynamic(() => import('./PaymentSheet'), {
  ssr: false,
  loading: () => <p className="muted">Loading the payment form…</p>,
});

/** A native modal dialog around a payment step; closing it (Esc, the button) ends the step, the payment can resume. */
export function PaymentDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-label={title} onClose={onClose} data-testid="payment-dialog">
      <div className="form">
        <h2>{title}</h2>
        {children}
        <div className="dialog-buttons">
          <button type="button" className="quiet" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}

/**
 * Waits for the PaymentIntent's clientSecret (the payments worker makes the intent after the 202), then the sheet. The
 * sheet stays once shown: refetches while the person pays (a declined card's `payment.updated`) must not remount it
 * and wipe what it says.
 */
export function PaymentStage({ paymentId, onOutcome }: { paymentId: string; onOutcome?: (outcome: Outcome) => void }) {
  const payment = usePayment(paymentId);
  const [paid, setPaid] = useState(false);
  const [secret, setSecret] = useState<string>();
  const p = payment.data;
  if (!secret && p?.clientSecret) setSecret(p.clientSecret);
  if (paid || p?.status === 'succeeded') {
    return (
      <p className="success" role="status" data-testid="payment-outcome" data-kind="succeeded">
        Paid{p ? ` ${formatAmount(p.amountCents, p.currency)}` : ''}. Thank you!
      </p>
    );
  }
  if (secret && p) {
    return (
      <PaymentSheet
        clientSecret={secret}
        amountLabel={formatAmount(p.amountCents, p.currency)}
        onOutcome={(outcome) => {
          if (outcome.kind === 'succeeded') setPaid(true);
          if (outcome.kind === 'succeeded' || outcome.kind === 'processing') moneyChanged();
          onOutcome?.(outcome);
        }}
      />
    );
  }
  if (p && p.status !== 'pending') return <p className="error">This payment can no longer be made.</p>;
  // A 404 is expected for a moment: the payment exists once the worker has made its intent (polled each second).
  if (payment.error && !(payment.error instanceof ApiError && payment.error.status === 404)) {
    return <ErrorAlert message={errorText(payment.error)} />;
  }
  return (
    <p className="muted" role="status">
      Preparing the payment…
    </p>
  );
}
