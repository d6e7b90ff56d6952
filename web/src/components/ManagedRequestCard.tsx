import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { db } from '../services';
import { errorText, requests } from '../endpoints';
import { useProfile } from '../queries';
import type { ManagedRequest } from '../types';
import { ErrorAlert } from './ErrorAlert';

/** A name the request carries, else the person's public profile (older requests carry only ids). */
function Name({ name, userId }: { name: string | null | undefined; userId: string }) {
  const profile = useProfile(name ? undefined : userId);
  return <strong>{name ?? profile?.displayName ?? 'Someone'}</strong>;
}

/**
 * An introduction request: who asks whom, their message, its state; the host's manager approves or declines it,
 * with a reason the requester reads.
 */
export function ManagedRequestCard({ request, me }: { request: ManagedRequest; me: string }) {
  const deciding = request.managerId === me && request.status === 'pending';
  return (
    <li className="card" data-testid="request" data-status={request.status}>
      <p>
        <Name name={request.requesterName} userId={request.requesterId} /> asks to talk to{' '}
        <Name name={request.hostName} userId={request.hostUserId} />:
      </p>
      <blockquote className="request-message">{request.message}</blockquote>
      <p>
        <span className={`status status-${request.status}`}>{request.status}</span>
        {request.reason && <span className="muted"> — “{request.reason}”</span>}
      </p>
      {deciding && <RequestDecision requestId={request.requestId} />}
    </li>
  );
}

function RequestDecision({ requestId }: { requestId: string }) {
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
        <input maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
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
