import { useQuery } from '@tanstack/react-query';
import { errorText, payments } from '../endpoints';
import { ErrorAlert } from './ErrorAlert';
import { PaymentDialog, PaymentStage } from './PaymentDialog';

/**
 * The session's payment still payable (pending, or declined and payable with another card: it has the payer's
 * clientSecret), else a new intent: paying again for one session resumes the first attempt.
 */
async function sessionPaymentId(sessionId: string): Promise<string> {
  const latest = (await payments.list({ sessionId })).items[0];
  if (latest && (latest.status === 'pending' || latest.clientSecret)) return latest.paymentId;
  return (await payments.createIntent(sessionId)).paymentId;
}

/**
 * Paying a session: finds or makes its PaymentIntent, then the Payment Element. A query (not a mutation) so that the
 * dialog opening twice at once (React's strict mode) asks once; it is forgotten on close, so reopening looks again.
 */
export default function SessionPaymentDialog({ sessionId, title, onClose }: { sessionId: string; title: string; onClose: () => void }) {
  const intent = useQuery({
    queryKey: ['session-payment', sessionId],
    queryFn: () => sessionPaymentId(sessionId),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  return (
    <PaymentDialog title={title} onClose={onClose}>
      {intent.isPending && <p className="muted" role="status">Preparing the payment…</p>}
      <ErrorAlert message={intent.error ? errorText(intent.error) : undefined} />
      {intent.data && <PaymentStage paymentId={intent.data} />}
    </PaymentDialog>
  );
}
