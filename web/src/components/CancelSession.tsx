import { useState } from 'react';
import { errorText } from '../endpoints';
import { refundLine } from '../money';
import { useCancellationPreview } from '../moneyQueries';
import type { Session } from '../types';
import { ErrorAlert } from './ErrorAlert';

/**
 * Cancelling asks first and says what it will refund, by the server's own rule ("You will be refunded $25.00" /
 * "No refund: cancelled less than 24 h before the start"), fetched when the person asks to cancel.
 */
export function CancelSession({
  session,
  me,
  label,
  busy,
  onConfirm,
}: {
  session: Session;
  me: string;
  label: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const preview = useCancellationPreview(session.sessionId, asking);
  if (!asking) {
    return (
      <button className="quiet" disabled={busy} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="card confirm-cancel" role="group" aria-label="Confirm cancellation">
      {preview.isPending && <p className="muted">Checking what a cancellation would refund…</p>}
      {preview.data && (
        <p data-testid="refund-line">{refundLine(preview.data, session.guestUserId === me)}</p>
      )}
      <ErrorAlert message={preview.error ? errorText(preview.error) : undefined} />
      <div className="session-actions">
        <button
          className="danger"
          disabled={busy || preview.isPending || preview.data?.cancellable === false}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          Yes, cancel
        </button>
        <button className="quiet" onClick={() => setAsking(false)}>
          Keep it
        </button>
      </div>
    </div>
  );
}
