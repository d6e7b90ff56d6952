import dynamic from 'next/dynamic';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db, formatMoney } from '../services';
import { useUi } from '../store';
import { sessionTime } from '../time';
import { allowedTransitions, callable, statusText } from '../sessionActions';
import type { Session, SessionStatus } from '../types';
import { errorText, sessions } from '../endpoints';
import { canTipAfter, isPayoutsNotReady } from '../money';
import { useProfile } from '../queries';
import { ErrorAlert } from './ErrorAlert';
import { CancelSession } from './CancelSession';
import { ManagedRequestCard } from './ManagedRequestCard';
import { PayButton } from './PayButton';
import { TipButton } from './TipButton';

// Only a joined call needs WebRTC: its own chunk, fetched on first use.
const VideoCallPanel = dynamic(() => import('./VideoCallPanel').then((m) => m.VideoCallPanel), { ssr: false });

export function SessionActions({ session, me }: { session: Session; me: string }) {
  const navigate = useUi((s) => s.navigate);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  async function transition(status: SessionStatus) {
    setBusy(true);
    setError(undefined);
    try {
      const updated = await sessions.transition(session.sessionId, status);
      if (updated?.sessionId) await db.sessions.put(updated);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="session-actions">
      {allowedTransitions(session, me).map((t) =>
        t.status === 'cancelled' ? (
          <CancelSession key={t.status} session={session} me={me} label={t.label} busy={busy} onConfirm={() => void transition(t.status)} />
        ) : (
          <button key={t.status} className={t.status === 'accepted' || t.status === 'in_progress' ? 'primary' : 'quiet'} disabled={busy} onClick={() => void transition(t.status)}>
            {t.label}
          </button>
        ),
      )}
      {session.paymentMode === 'paid' && session.guestUserId === me && <PayButton session={session} me={me} />}
      {canTipAfter(session, me) && <TipAfterSession session={session} />}
      {callable(session) && (
        <button className="primary" onClick={() => navigate({ view: 'sessions', callSessionId: session.sessionId })}>
          Join call
        </button>
      )}
      {session.status === 'awaiting_payment' && session.hostUserId === me && <span className="muted">Waiting for the guest&apos;s payment</span>}
      {isPayoutsNotReady(error) ? (
        <p className="error" role="alert" data-testid="payouts-not-ready">
          {errorText(error)}{' '}
          <button className="primary" onClick={() => navigate({ view: 'settings' })}>
            Settings → Get paid
          </button>
        </p>
      ) : (
        <ErrorAlert message={error ? errorText(error) : undefined} />
      )}
    </div>
  );
}

function TipAfterSession({ session }: { session: Session }) {
  const host = useProfile(session.hostUserId);
  return host?.donationsWelcome ? <TipButton host={host} sessionId={session.sessionId} conversationId={session.conversationId ?? undefined} /> : null;
}

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
