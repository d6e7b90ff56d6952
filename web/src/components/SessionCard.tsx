import { useLiveQuery } from 'dexie-react-hooks';
import dynamic from 'next/dynamic';
import { db, formatMoney } from '../services';
import { statusText } from '../sessionActions';
import { useUi } from '../store';
import { sessionTime } from '../time';
import type { SessionStatus } from '../types';

// What a participant can do (pay, tip, cancel, start) loads with the first card: most visits show no session.
const SessionActions = dynamic(() => import('./SessionActions').then((m) => m.SessionActions), { ssr: false });
// Rating and answering load once a session is completed (the first-visit budget, scripts/bundle-size.mjs).
const SessionReview = dynamic(() => import('./SessionReview'), { ssr: false });
// The time actions (with the slot calendar) load with the first scheduled session card, not on first visit.
const SessionReschedule = dynamic(() => import('./SessionReschedule').then((m) => m.SessionReschedule), { ssr: false });

/**
 * The one live card of a session in its thread: its current state from the cache (the `sessions` table, kept in step
 * by the connection) and only the actions allowed now; its time (add to calendar, reschedule); once completed, its review (rate it, or answer it). Before the session itself is synced, the status the thread
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
          <SessionReschedule session={session} me={me} />
          {session.status === 'completed' && <SessionReview session={session} me={me} />}
        </>
      )}
    </div>
  );
}
