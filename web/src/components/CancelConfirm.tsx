import { errorText } from '../endpoints';
import { refundLine } from '../moneyViews';
import { useCancellationPreview } from '../moneyQueries';
import type { Session } from '../types';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  session: Session;
  me: string;
  busy: boolean;
  onConfirm: () => void;
  /** The person decided (either way): the question closes. */
  onDone: () => void;
}

/** "You will be refunded $25.00" (GET /api/sessions/{id}/cancellation), then "Yes, cancel" or "Keep it". */
export default function CancelConfirm({ session, me, busy, onConfirm, onDone }: Props) {
  const preview = useCancellationPreview(session.sessionId);
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
            onDone();
            onConfirm();
          }}
        >
          Yes, cancel
        </button>
        <button className="quiet" onClick={onDone}>
          Keep it
        </button>
      </div>
    </div>
  );
}
