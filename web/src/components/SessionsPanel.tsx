import dynamic from 'next/dynamic';
import { useLiveQuery } from 'dexie-react-hooks';
import { db, formatMoney } from '../services';
import { useUi } from '../store';
import { sessionTime } from '../time';
import { statusText } from '../sessionActions';
import { useProfile } from '../queries';
import { ManagedRequestCard } from './ManagedRequestCard';
import { SessionActions } from './SessionActions';

// Only a joined call needs WebRTC: its own chunk, fetched on first use.
const VideoCallPanel = dynamic(() => import('./VideoCallPanel').then((m) => m.VideoCallPanel), { ssr: false });

function PeerName({ id }: { id: string }) {
  return <>{useProfile(id)?.displayName ?? '…'}</>;
}

/** The caller's sessions (from the cache), newest first, with what they can do next; the call when one is joined. */
export function SessionsPanel() {
  const me = useUi((s) => s.user!.id);
  const callSessionId = useUi((s) => s.route.callSessionId);
  const sessions = useLiveQuery(() => db.sessions.orderBy('updatedAt').reverse().toArray(), []);
  const requests = useLiveQuery(() => db.requests.toArray(), []);
  const calling = sessions?.find((s) => s.sessionId === callSessionId);
  return (
    <section className="sessions" aria-labelledby="sessions-title">
      {calling && <VideoCallPanel session={calling} me={me} />}
      <h1 id="sessions-title">Sessions</h1>
      {sessions?.length === 0 && <p className="muted">No sessions yet. Book one from a conversation with a host.</p>}
      <ul className="session-list">
        {sessions?.map((s) => (
          <li key={s.sessionId} className="card session" data-testid="session" data-status={s.status}>
            <div className="session-head">
              <strong>
                {s.hostUserId === me ? 'Guest: ' : 'Host: '}
                <PeerName id={s.hostUserId === me ? s.guestUserId : s.hostUserId} />
              </strong>
              <span className={`status status-${s.status}`} data-testid="session-status">
                {statusText(s.status)}
              </span>
            </div>
            <p className="muted">
              {s.startTime ? sessionTime(s.startTime) : 'Instant'} · {s.durationMinutes} min ·{' '}
              {formatMoney(s.agreedPrice.amountCents, s.agreedPrice.currency)} ({s.paymentMode})
            </p>
            <SessionActions session={s} me={me} />
          </li>
        ))}
      </ul>
      {!!requests?.length && (
        <>
          <h2>Requests</h2>
          <ul className="session-list">
            {requests.map((r) => (
              <ManagedRequestCard key={r.requestId} request={r} me={me} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
