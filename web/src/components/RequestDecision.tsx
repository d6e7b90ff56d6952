import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { db } from '../services';
import { errorText, requests } from '../endpoints';
import { ErrorAlert } from './ErrorAlert';

const REASON_MAX = 500; // decide-request.json

/** The manager's answer to an introduction request: approve or decline, with a reason the requester reads. */
export default function RequestDecision({ requestId }: { requestId: string }) {
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (status: 'approved' | 'declined') => requests.decide(requestId, status, reason.trim() || undefined),
    onSuccess: async (updated) => {
      if (updated?.requestId) await db.requests.put(updated);
    },
  });
  return (
    <div className="form">
      <label>
        Reason (optional, the requester sees it)
        <input maxLength={REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="session-actions">
        <button className="primary" disabled={decide.isPending} onClick={() => decide.mutate('approved')}>
          Approve
        </button>
        <button className="quiet" disabled={decide.isPending} onClick={() => decide.mutate('declined')}>
          Decline
        </button>
      </div>
      <ErrorAlert message={decide.error ? errorText(decide.error) : undefined} />
    </div>
  );
}
