import dynamic from 'next/dynamic';
import { useProfile } from '../queries';
import type { ManagedRequest } from '../types';

// Only a manager decides: the form loads for them (the first-visit budget, scripts/bundle-size.mjs).
const RequestDecision = dynamic(() => import('./RequestDecision'), { ssr: false });

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
