import { useLiveQuery } from 'dexie-react-hooks';
import { db, formatMoney } from '../services';
import { statusText } from '../sessionActions';
import { useUi } from '../store';
import { sessionTime } from '../time';
import type { SessionStatus } from '../types';
import { SessionActions } from './SessionActions';

/**
 * The one live card of a session in its thread: its current state from the cache (the `sessions` table, kept in step
 * by the connection) and only the actions allowed now. Before the session itself is synced, the status the thread
 * last reported stands in, without actions.
 */
export function SessionCard({ sessionId, reported }: { sessionId: string; reported: SessionStatus | undefined }) {
  const session = useLiveQuery(() => db.sessions.get(sessionId), [sessionId]);
  const me = useUi((s) => s.user!.id);
  const status = session?.status ?? reported;
  return (
    <div className="card session-card" data-testid="session-card" data-status={status} data-session-id={sessionId}>
      <div className="session-head">
        <strong>Session</strong>
        {status && <span className={`status status-${status}`}>{statusText(status)}</span>}
      </div>
      {session && (
        <>
          <p className="muted">
            {session.startTime ? sessionTime(session.startTime) : 'Instant'} · {session.durationMinutes} min ·{' '}
            {formatMoney(session.agreedPrice.amountCents, session.agreedPrice.currency)}
          </p>
          <SessionActions session={session} me={me} />
        </>
      )}
    </div>
  );
}
