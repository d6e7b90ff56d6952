import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { useState, type FormEvent } from 'react';
import { paymentOutcome, type Outcome } from '../moneyViews';

/**
 * Stripe's Payment Element for one PaymentIntent. Loaded on demand (next/dynamic, see PaymentDialog): Stripe.js and
 * this sheet are not part of a first visit. The key is public by design; NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY is baked
 * in at build time (web/README.md "Payments").
 */
const PUBLISHABLE_KEY = process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY || 'pk_test_humanchat_local';

let stripe: Promise<Stripe | null> | undefined;

export default function PaymentSheet({
  clientSecret,
  amountLabel,
  onOutcome,
}: {
  clientSecret: string;
  amountLabel: string;
  onOutcome: (outcome: Outcome) => void;
}) {
  stripe ??= loadStripe(PUBLISHABLE_KEY);
  return (
    <Elements stripe={stripe} options={{ clientSecret, appearance: { theme: 'stripe' } }}>
      <PaymentForm amountLabel={amountLabel} onOutcome={onOutcome} />
    </Elements>
  );
}

function PaymentForm({ amountLabel, onOutcome }: { amountLabel: string; onOutcome: (outcome: Outcome) => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  async function pay(e: FormEvent) {
    e.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    setOutcome(undefined);
    // A card that needs a bank's check is handled by Stripe.js in place; only a redirecting method leaves the page,
    // and comes back to where the payer was.
    const result = await stripe.confirmPayment({
      elements,
      redirect: 'if_required',
      confirmParams: { return_url: location.href },
    });
    const next = paymentOutcome(result);
    setOutcome(next);
    setBusy(false);
    onOutcome(next);
  }

  return (
    <form className="form payment-sheet" onSubmit={(e) => void pay(e)} data-testid="payment-sheet">
      <PaymentElement />
      {outcome && (
        <p className={outcome.kind === 'succeeded' ? 'success' : 'error'} role="alert" data-testid="payment-outcome" data-kind={outcome.kind}>
          {outcome.text}
        </p>
      )}
      {outcome?.kind !== 'succeeded' && (
        <button type="submit" className="primary" disabled={!stripe || !elements || busy}>
          {busy ? 'Paying…' : `Pay ${amountLabel}`}
        </button>
      )}
    </form>
  );
}
