import type { ManagedRequest, Session, SessionStatus } from './types';

/**
 * What became of one of Sam's booking proposals, from the sessions synced from the server (so it holds after a reload
 * and on every device): the newest session the user booked from it, or undefined while it is still open.
 */
export function bookedFromProposal(actionId: string | undefined, sessions: Session[]): Session | undefined {
  return newestFrom(actionId, sessions, (s) => s.requestedAt);
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
  no_show: 'Marked as a no-show',
};

/** The card's line for a proposal already acted on, e.g. "Requested — see Sessions". */
export function proposalUsedLabel(session: Session): string {
  return `${DONE[session.status]} — see Sessions`;
}

/** The newest managed request sent from one of Sam's `open_request` proposals, or undefined while it is open. */
export function requestFromProposal(actionId: string | undefined, requests: ManagedRequest[]): ManagedRequest | undefined {
  return newestFrom(actionId, requests, (r) => r.createdAt);
}

/** The newest (by the ISO instant `at` reads) of the items made from proposal `actionId`. */
function newestFrom<T extends { samActionId?: string | null }>(
  actionId: string | undefined,
  items: T[],
  at: (item: T) => string,
): T | undefined {
  if (!actionId) return undefined;
  return items.filter((i) => i.samActionId === actionId).sort((a, b) => at(b).localeCompare(at(a)))[0];
}

const REQUEST_DONE: Record<string, string> = {
  pending: 'Request sent to the representative',
  approved: 'Approved: the conversation is open',
  declined: 'Declined by the representative',
  withdrawn: 'Withdrawn',
};

/** The card's line for an `open_request` proposal already acted on. */
export function requestUsedLabel(request: ManagedRequest): string {
  return `${REQUEST_DONE[request.status] ?? request.status} — see Sessions`;
}
