import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText } from '../endpoints';
import { availability, reschedules } from '../viewEndpoints';
import { calendarFileName, inCalendar, instantOf, rescheduleKey, reschedulePart } from '../reschedule';
import { db } from '../services';
import { sessionTime } from '../time';
import { browserTimeZone } from '../slots';
import type { HostSlots, Reschedule, Session } from '../types';
import { ErrorAlert } from './ErrorAlert';
import { SlotCalendar, slotRange } from './SlotCalendar';

/**
 * The time part of a session's card: "Add to calendar" (its .ics), and the reschedule — propose a new time, or accept
 * or decline the other participant's proposal, in plain words. The proposal is server state (React Query), read again
 * when a reschedule frame arrives.
 */
export function SessionReschedule({ session, me }: { session: Session; me: string }) {
  const client = useQueryClient();
  const key = rescheduleKey(session.sessionId);
  // Keyed by the session's updatedAt: a change reads it again, unless a frame already told (connection.ts afterStep).
  const current = useQuery({ queryKey: [...key, session.updatedAt], queryFn: () => reschedules.of(session.sessionId), staleTime: 60_000 });
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
      {(part === 'propose' || part === 'waiting') && <ProposeTime session={session} onProposed={settle} again={part === 'waiting'} />}
      <ErrorAlert message={current.error ? errorText(current.error) : answer.error ? errorText(answer.error) : undefined} />
    </div>
  );
}

/**
 * Proposes a new start: from the calendar of the host's free slots of the session's length, in the viewer's time zone,
 * when the host has availability (the same calendar as the booking dialog); from a date-time field otherwise.
 */
function ProposeTime({ session, onProposed, again }: { session: Session; onProposed: (state: Reschedule) => unknown; again: boolean }) {
  // Set when the panel opens (closed: none), so every opening reads the host's free slots as they are now.
  const [range, setRange] = useState<{ from: string; to: string }>();
  const open = range !== undefined;
  const setOpen = (opened: boolean) => setRange(opened ? slotRange() : undefined);
  const [local, setLocal] = useState('');
  const [slotStart, setSlotStart] = useState<string>();
  const [day, setDay] = useState<string>();
  const slots = useQuery<HostSlots>({
    queryKey: ['slots', session.hostUserId, session.durationMinutes, range?.from],
    queryFn: () => availability.slots(session.hostUserId, { ...range!, duration: session.durationMinutes }),
    enabled: open,
  });
  const calendar = slots.data?.hostTimeZone ? slots.data : undefined;
  const chosen = calendar ? slotStart : instantOf(local);
  const propose = useMutation({
    mutationFn: () => reschedules.propose(session.sessionId, chosen!),
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
        if (chosen) propose.mutate();
      }}
    >
      {calendar ? (
        <SlotCalendar
          hostName="the host"
          slots={calendar}
          guestZone={browserTimeZone()}
          day={day}
          slotStart={slotStart}
          onDay={setDay}
          onSlot={setSlotStart}
        />
      ) : (
        !slots.isPending && (
          <label>
            New start (your time zone)
            <input type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} required />
          </label>
        )
      )}
      <div>
        <button className="primary" type="submit" disabled={propose.isPending || !chosen}>
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
