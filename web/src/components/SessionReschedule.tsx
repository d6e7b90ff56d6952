import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText, reschedules } from '../endpoints';
import { calendarFileName, inCalendar, instantOf, rescheduleKey, reschedulePart } from '../reschedule';
import { db } from '../services';
import { sessionTime } from '../time';
import type { Reschedule, Session } from '../types';
import { ErrorAlert } from './ErrorAlert';

/**
 * The time part of a session's card: "Add to calendar" (its .ics), and the reschedule — propose a new time, or accept
 * or decline the other participant's proposal, in plain words. The proposal is server state (React Query), read again
 * when a reschedule frame arrives.
 */
export function SessionReschedule({ session, me }: { session: Session; me: string }) {
  const client = useQueryClient();
  const key = rescheduleKey(session.sessionId);
  const current = useQuery({ queryKey: [...key, session.updatedAt], queryFn: () => reschedules.of(session.sessionId) });
  const part = reschedulePart(session, me, current.data);
  // A 202 (decided, not yet projected) answers {status: 'pending'}: read the state again rather than show that.
  const settle = async (state: Reschedule) => {
    await client.invalidateQueries({ queryKey: key });
    if (state?.startTime && state.startTime !== session.startTime) {
      await db.sessions.update(session.sessionId, { startTime: state.startTime });
    }
  };
  const answer = useMutation({ mutationFn: (accept: boolean) => reschedules.answer(session.sessionId, accept), onSuccess: settle });
  return (
    <div className="reschedule" data-testid="session-reschedule">
      {inCalendar(session) && <AddToCalendar session={session} />}
      {part === 'waiting' && (
        <p className="muted" data-testid="reschedule-waiting">
          You proposed moving it to {sessionTime(current.data!.proposal!.startTime)}; waiting for an answer.
        </p>
      )}
      {part === 'answer' && (
        <div className="reschedule-answer" data-testid="reschedule-proposal">
          <p>
            <strong>New time proposed: {sessionTime(current.data!.proposal!.startTime)}</strong>
          </p>
          <button className="primary" disabled={answer.isPending} onClick={() => answer.mutate(true)}>
            Accept new time
          </button>
          <button className="quiet" disabled={answer.isPending} onClick={() => answer.mutate(false)}>
            Keep the current time
          </button>
        </div>
      )}
      {(part === 'propose' || part === 'waiting') && <ProposeTime sessionId={session.sessionId} onProposed={settle} again={part === 'waiting'} />}
      <ErrorAlert message={current.error ? errorText(current.error) : answer.error ? errorText(answer.error) : undefined} />
    </div>
  );
}

function ProposeTime({ sessionId, onProposed, again }: { sessionId: string; onProposed: (state: Reschedule) => unknown; again: boolean }) {
  const [open, setOpen] = useState(false);
  const [local, setLocal] = useState('');
  const propose = useMutation({
    mutationFn: () => reschedules.propose(sessionId, instantOf(local)!),
    onSuccess: (state) => {
      setOpen(false);
      return onProposed(state);
    },
  });
  if (!open) {
    return (
      <button className="quiet" onClick={() => setOpen(true)}>
        {again ? 'Propose another time' : 'Propose a new time'}
      </button>
    );
  }
  return (
    <form
      className="form reschedule-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (instantOf(local)) propose.mutate();
      }}
    >
      <label>
        New start (your time zone)
        <input type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} required />
      </label>
      <div>
        <button className="primary" type="submit" disabled={propose.isPending || !instantOf(local)}>
          Propose
        </button>{' '}
        <button className="quiet" type="button" onClick={() => setOpen(false)}>
          Never mind
        </button>
      </div>
      <ErrorAlert message={propose.error ? errorText(propose.error) : undefined} />
    </form>
  );
}

/** Downloads the session's calendar file (the request carries the bearer token, so it is fetched, then saved). */
function AddToCalendar({ session }: { session: Session }) {
  const download = useMutation({
    mutationFn: () => reschedules.calendarFile(session.sessionId),
    onSuccess: (text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = calendarFileName(session);
      link.click();
      URL.revokeObjectURL(url);
    },
  });
  return (
    <>
      <button className="quiet" onClick={() => download.mutate()} disabled={download.isPending}>
        Add to calendar
      </button>
      <ErrorAlert message={download.error ? errorText(download.error) : undefined} />
    </>
  );
}
