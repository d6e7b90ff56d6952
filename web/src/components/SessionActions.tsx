import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorText, sessions } from '../endpoints';
import { canTipAfter, isPayoutsNotReady } from '../money';
import { useProfile } from '../queries';
import { db } from '../services';
import { allowedTransitions, callable, startableFrom } from '../sessionActions';
import { sessionTime } from '../time';
import { useUi } from '../store';
import type { Session, SessionStatus } from '../types';
import { CancelSession } from './CancelSession';
import { ErrorAlert } from './ErrorAlert';
import { PayButton } from './PayButton';
import { TipButton } from './TipButton';

/** What the caller can do with a session now (`sessionActions` decides), on its card in the thread and in Sessions. */
export function SessionActions({ session, me }: { session: Session; me: string }) {
  const navigate = useUi((s) => s.navigate);
  const move = useMutation({
    mutationFn: (status: SessionStatus) => sessions.transition(session.sessionId, status),
    onSuccess: async (updated) => {
      if (updated?.sessionId) await db.sessions.put(updated);
    },
  });
  const busy = move.isPending;
  const error = move.error;
  const now = useNowUntilStartable(session);
  const startsLater = session.status === 'confirmed' && now < (startableFrom(session) ?? now);
  return (
    <div className="session-actions">
      {allowedTransitions(session, me, now).map((t) =>
        t.status === 'cancelled' ? (
          <CancelSession key={t.status} session={session} me={me} label={t.label} busy={busy} onConfirm={() => move.mutate(t.status)} />
        ) : (
          <button key={t.status} className={t.status === 'accepted' || t.status === 'in_progress' ? 'primary' : 'quiet'} disabled={busy} onClick={() => move.mutate(t.status)}>
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
      {startsLater && (
        <span className="muted" data-testid="startable-from">
          Can be started from {sessionTime(new Date(startableFrom(session)!).toISOString())}
        </span>
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

/** The time now, read again when a confirmed session becomes startable, so "Start" appears without a reload. */
function useNowUntilStartable(session: Session): number {
  const from = session.status === 'confirmed' ? startableFrom(session) : undefined;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (from === undefined || now >= from) return;
    // A timer holds at most about 24.8 days; a later start is looked at again then.
    const timer = setTimeout(() => setNow(Date.now()), Math.min(from - now + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [from, now]);
  return now;
}

function TipAfterSession({ session }: { session: Session }) {
  const host = useProfile(session.hostUserId);
  return host?.donationsWelcome ? <TipButton host={host} sessionId={session.sessionId} conversationId={session.conversationId ?? undefined} /> : null;
}

