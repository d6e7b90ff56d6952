import dynamic from 'next/dynamic';
import { useUi } from '../store';

// The payment loads when someone pays (the first-visit budget, scripts/bundle-size.mjs).
const SessionPaymentDialog = dynamic(() => import('./SessionPaymentDialog'), { ssr: false });

/**
 * The payment dialog of the session being paid for, above every view: the card or list it was opened from may
 * re-render, move or disappear (the session turns confirmed under it) while the dialog stays, saying "Paid".
 */
export function PaymentHost() {
  const paying = useUi((s) => s.paying);
  const setPaying = useUi((s) => s.setPaying);
  if (!paying) return null;
  return (
    <SessionPaymentDialog
      key={paying.sessionId}
      sessionId={paying.sessionId}
      title={paying.title}
      onClose={() => setPaying(undefined)}
    />
  );
}
