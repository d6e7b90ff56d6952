import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText, payments } from '../endpoints';
import { payLabel } from '../money';
import type { Session } from '../types';
import { ErrorAlert } from './ErrorAlert';
import { PaymentDialog, PaymentStage } from './PaymentDialog';

const ENDED = new Set(['canceled', 'cancelled', 'failed']);

/** The session's open payment, else a new intent: paying twice for one session resumes the first attempt. */
async function sessionPaymentId(sessionId: string): Promise<string> {
  const latest = (await payments.list({ sessionId })).items[0];
  if (latest && !ENDED.has(latest.status)) return latest.paymentId;
  return (await payments.createIntent(sessionId)).paymentId;
}

/** "Pay $25.00" on a session awaiting the guest's payment: opens the Payment Element in a dialog. */
export function PayButton({ session }: { session: Session }) {
  const [paymentId, setPaymentId] = useState<string>();
  const start = useMutation({ mutationFn: () => sessionPaymentId(session.sessionId), onSuccess: setPaymentId });
  const label = payLabel(session);
  return (
    <>
      <button className="primary" disabled={start.isPending} onClick={() => start.mutate()}>
        {start.isPending ? 'Preparing…' : label}
      </button>
      <ErrorAlert message={start.error ? errorText(start.error) : undefined} />
      {paymentId && (
        <PaymentDialog title={`${label} for your session`} onClose={() => setPaymentId(undefined)}>
          <PaymentStage paymentId={paymentId} />
        </PaymentDialog>
      )}
    </>
  );
}
