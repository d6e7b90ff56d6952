import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText, payments } from '../endpoints';
import { DEFAULT_CURRENCY, formatAmount, LIMITS, parseAmount } from '../money';
import type { User } from '../types';
import { ErrorAlert } from './ErrorAlert';
import { PaymentDialog, PaymentStage } from './PaymentDialog';

/**
 * "Tip" a host who welcomes donations: an amount, then the Payment Element. Once paid, the server posts "<name> tipped
 * $5.00" into the conversation as a system message, so the thread shows it on both sides.
 */
export function TipButton({ host, conversationId, sessionId }: { host: User; conversationId?: string; sessionId?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="quiet" onClick={() => setOpen(true)} aria-label={`Tip ${host.displayName}`}>
        Tip
      </button>
      {open && (
        <PaymentDialog title={`Tip ${host.displayName}`} onClose={() => setOpen(false)}>
          <TipForm host={host} conversationId={conversationId} sessionId={sessionId} />
        </PaymentDialog>
      )}
    </>
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
