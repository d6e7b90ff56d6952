import type { Reschedule, ServerFrame, Session } from './types';

/** The React Query key of a session's reschedule state. */
export const rescheduleKey = (sessionId: string) => ['session-reschedule', sessionId];

/** A session can be moved while accepted and not started (the server also refuses inside the late-reschedule notice). */
export function movable(session: Session): boolean {
  return session.startTime !== null && (session.status === 'confirmed' || session.status === 'awaiting_payment');
}

/** A session has a calendar file once it has a time and is not over or off. */
export function inCalendar(session: Session): boolean {
  return session.startTime !== null && ['accepted', 'awaiting_payment', 'confirmed'].includes(session.status);
}

/**
 * What the reschedule part of a session's card shows to `me`: the other participant's proposal to answer, their own
 * waiting for an answer, a way to propose one, or nothing.
 */
export function reschedulePart(session: Session, me: string, state: Reschedule | undefined): 'answer' | 'waiting' | 'propose' | null {
  if (!movable(session)) return null;
  const proposal = state?.proposal;
  if (proposal) return proposal.proposedBy === me ? 'waiting' : 'answer';
  return 'propose';
}

/** A `datetime-local` value (the viewer's zone) as the ISO instant the API takes; undefined when empty or invalid. */
export function instantOf(local: string): string | undefined {
  if (!local) return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** The file name a session's calendar file is saved as. */
export function calendarFileName(session: Session): string {
  return `humanchat-session-${session.sessionId}.ics`;
}

/** A reschedule step as a `session.updated` frame announces it. */
export type RescheduleStep = NonNullable<Extract<ServerFrame, { type: 'session.updated' }>['reschedule']>;

/**
 * The reschedule state after the step a frame announced, from the state known before it: the frame can arrive before
 * the projection the state is read from has caught up, so the card shows the step from the frame itself.
 */
export function afterStep(before: Reschedule | undefined, session: Session, step: RescheduleStep): Reschedule {
  const sequence = step.sequence ?? before?.sequence ?? 0;
  if (step.step === 'proposed') {
    return { sessionId: session.sessionId, startTime: session.startTime, sequence, proposal: { startTime: step.startTime, proposedBy: step.actorId } };
  }
  return { sessionId: session.sessionId, startTime: step.step === 'rescheduled' ? step.startTime : session.startTime, sequence, proposal: null };
}
