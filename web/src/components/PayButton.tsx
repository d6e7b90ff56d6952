import { canPay, payLabel } from '../money';
import { useUi } from '../store';
import type { Session } from '../types';

/** "Pay $25.00" on a session awaiting the guest's payment: opens the Payment Element (`PaymentHost`). */
export function PayButton({ session, me }: { session: Session; me: string }) {
  const setPaying = useUi((s) => s.setPaying);
  if (!canPay(session, me)) return null;
  const label = payLabel(session);
  return (
    <button className="primary" onClick={() => setPaying({ sessionId: session.sessionId, title: `${label} for your session` })}>
      {label}
    </button>
  );
}
