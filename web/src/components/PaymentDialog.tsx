import dynamic from 'next/dynamic';
import { useEffect, useRef, useState, type ReactNode } from 'react';
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

/** Waits for the PaymentIntent's clientSecret (the payments worker makes the intent after the 202), then the sheet. */
export function PaymentStage({ paymentId, onOutcome }: { paymentId: string; onOutcome?: (outcome: Outcome) => void }) {
  const payment = usePayment(paymentId);
  const [paid, setPaid] = useState(false);
  const p = payment.data;
  if (paid || p?.status === 'succeeded') {
    return (
      <p className="success" role="status" data-testid="payment-outcome" data-kind="succeeded">
        Paid{p ? ` ${formatAmount(p.amountCents, p.currency)}` : ''}. Thank you!
      </p>
    );
  }
  if (payment.error) return <ErrorAlert message={errorText(payment.error)} />;
  if (p && !p.clientSecret && p.status !== 'pending') return <p className="error">This payment can no longer be made.</p>;
  if (!p?.clientSecret) return <p className="muted" role="status">Preparing the payment…</p>;
  return (
    <PaymentSheet
      clientSecret={p.clientSecret}
      amountLabel={formatAmount(p.amountCents, p.currency)}
      onOutcome={(outcome) => {
        if (outcome.kind === 'succeeded') setPaid(true);
        if (outcome.kind === 'succeeded' || outcome.kind === 'processing') moneyChanged();
        onOutcome?.(outcome);
      }}
    />
  );
}
