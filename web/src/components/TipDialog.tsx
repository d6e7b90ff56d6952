import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText, payments } from '../endpoints';
import { DEFAULT_CURRENCY, formatAmount } from '../money';
import { LIMITS, parseAmount } from '../moneyViews';
import type { User } from '../types';
import { ErrorAlert } from './ErrorAlert';
import { PaymentDialog, PaymentStage } from './PaymentDialog';

interface Props {
  host: User;
  conversationId?: string;
  sessionId?: string;
  onClose: () => void;
}

/** A tip: the amount (the limits of create-donation.json), then the Payment Element for the donation's intent. */
export default function TipDialog({ onClose, ...tip }: Props) {
  return (
    <PaymentDialog title={`Tip ${tip.host.displayName}`} onClose={onClose}>
      <TipForm {...tip} />
    </PaymentDialog>
  );
}

function TipForm({ host, conversationId, sessionId }: { host: User; conversationId?: string; sessionId?: string }) {
  const currency = host.currency ?? DEFAULT_CURRENCY;
  const [amount, setAmount] = useState('5.00');
  const [invalid, setInvalid] = useState<string>();
  const donate = useMutation({
    mutationFn: (amountCents: number) => payments.donate({ hostUserId: host.id, amountCents, currency, conversationId, sessionId }),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const cents = parseAmount(amount);
    if (cents === undefined || cents < LIMITS.tipMinCents || cents > LIMITS.tipMaxCents) {
      setInvalid(`A tip is between ${formatAmount(LIMITS.tipMinCents, currency)} and ${formatAmount(LIMITS.tipMaxCents, currency)}.`);
      return;
    }
    setInvalid(undefined);
    donate.mutate(cents);
  }

  if (donate.data) return <PaymentStage paymentId={donate.data.paymentId} />;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <label>
        Amount ({currency.toUpperCase()})
        <input name="tip" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={!!invalid} />
      </label>
      <ErrorAlert message={invalid ?? (donate.error ? errorText(donate.error) : undefined)} />
      <button type="submit" className="primary" disabled={donate.isPending}>
        Continue to payment
      </button>
    </form>
  );
}
