import { describe, expect, it } from 'vitest';
import { afterStep, calendarFileName, inCalendar, instantOf, movable, reschedulePart } from '../src/reschedule';
import type { Reschedule, Session } from '../src/types';
import { GUEST, HOST, session } from './sessions.fixture';

const scheduled = (status: Session['status']): Session => ({ ...session(status), startTime: '2026-03-02T10:00:00Z' });
const state = (proposedBy?: string): Reschedule => ({
  sessionId: 's',
  startTime: '2026-03-02T10:00:00Z',
  sequence: 0,
  proposal: proposedBy ? { startTime: '2026-03-03T10:00:00Z', proposedBy } : null,
});

describe('the reschedule part of a session card', () => {
  it('lets either side of an accepted scheduled session propose, and only the other side answer', () => {
    expect(reschedulePart(scheduled('confirmed'), GUEST, state())).toBe('propose');
    expect(reschedulePart(scheduled('confirmed'), HOST, state(GUEST))).toBe('answer');
    expect(reschedulePart(scheduled('confirmed'), GUEST, state(GUEST))).toBe('waiting');
    expect(reschedulePart(scheduled('awaiting_payment'), HOST, state())).toBe('propose');
  });

  it('shows nothing for a session that cannot move', () => {
    expect(movable(session('confirmed'))).toBe(false);
    for (const status of ['requested', 'in_progress', 'completed', 'cancelled', 'no_show'] as const) {
      expect(reschedulePart(scheduled(status), GUEST, state(HOST))).toBeNull();
    }
  });

  it('offers the calendar file for a scheduled session that is on', () => {
    expect(inCalendar(scheduled('confirmed'))).toBe(true);
    expect(inCalendar(scheduled('cancelled'))).toBe(false);
    expect(inCalendar(session('confirmed'))).toBe(false);
    expect(calendarFileName(scheduled('confirmed'))).toBe('humanchat-session-s.ics');
  });

  it('reads the picked local time as an instant', () => {
    expect(instantOf('')).toBeUndefined();
    expect(instantOf('not a time')).toBeUndefined();
    expect(instantOf('2026-03-03T10:30')).toBe(new Date('2026-03-03T10:30').toISOString());
  });
});

describe('a reschedule step from a frame', () => {
  const confirmed = scheduled('confirmed');
  it('shows a proposal, forgets it on a decline, and moves the start with its sequence on an accept', () => {
    const proposed = afterStep(state(), confirmed, { step: 'proposed', actorId: GUEST, startTime: '2026-03-03T10:00:00Z' });
    expect(proposed.proposal).toEqual({ startTime: '2026-03-03T10:00:00Z', proposedBy: GUEST });
    expect(reschedulePart(confirmed, HOST, proposed)).toBe('answer');
    expect(afterStep(proposed, confirmed, { step: 'declined', actorId: HOST, startTime: '2026-03-03T10:00:00Z' }).proposal).toBeNull();
    const moved = afterStep(proposed, confirmed, { step: 'rescheduled', actorId: HOST, startTime: '2026-03-03T10:00:00Z', sequence: 1 });
    expect(moved).toEqual({ sessionId: confirmed.sessionId, startTime: '2026-03-03T10:00:00Z', sequence: 1, proposal: null });
  });
});
