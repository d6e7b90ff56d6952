import type { Session, SessionStatus } from './types';

/**
 * What became of one of Sam's booking proposals, from the sessions synced from the server (so it holds after a reload
 * and on every device): the newest session the user booked from it, or undefined while it is still open.
 */
export function bookedFromProposal(actionId: string | undefined, sessions: Session[]): Session | undefined {
  if (!actionId) return undefined;
  return sessions
    .filter((s) => s.samActionId === actionId)
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0];
}

const DONE: Record<SessionStatus, string> = {
  requested: 'Requested',
  accepted: 'Accepted',
  awaiting_payment: 'Accepted, awaiting payment',
  confirmed: 'Confirmed',
  in_progress: 'In progress',
  completed: 'Completed',
  declined: 'Declined by the host',
  cancelled: 'Cancelled',
};

/** The card's line for a proposal already acted on, e.g. "Requested — see Sessions". */
export function proposalUsedLabel(session: Session): string {
  return `${DONE[session.status]} — see Sessions`;
}
