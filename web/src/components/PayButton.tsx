import dynamic from 'next/dynamic';
import { useState } from 'react';
import { canPay, payLabel } from '../money';
import type { Session } from '../types';

// The payment loads when someone pays (the first-visit budget, scripts/bundle-size.mjs).
const SessionPaymentDialog = dynamic(() => import('./SessionPaymentDialog'), { ssr: false });

/**
 * "Pay $25.00" on a session awaiting the guest's payment: opens the Payment Element in a dialog. Rendered for every
 * paid session of the guest, so that the dialog stays open, saying "Paid", when the session turns confirmed.
 */
export function PayButton({ session, me }: { session: Session; me: string }) {
  const [open, setOpen] = useState(false);
  const label = payLabel(session);
  return (
    <>
      {canPay(session, me) && (
        <button className="primary" onClick={() => setOpen(true)}>
          {label}
        </button>
      )}
      {open && <SessionPaymentDialog sessionId={session.sessionId} title={`${label} for your session`} onClose={() => setOpen(false)} />}
    </>
  );
}
