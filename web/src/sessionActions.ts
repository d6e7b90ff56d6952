import type { Session, SessionStatus } from './types';

export interface SessionAction {
  status: SessionStatus;
  label: string;
}

/** A scheduled session can be started from this long before its start (the server's StartWindow.EARLY). */
export const START_EARLY_MS = 10 * 60_000;

/** When a confirmed scheduled session can first be started (ms since the epoch); undefined for an instant one. */
export function startableFrom(session: Session): number | undefined {
  return session.startTime ? Date.parse(session.startTime) - START_EARLY_MS : undefined;
}

/**
 * Which transitions a participant may ask for at `now`, by role and status (docs/sessions-and-requests.md): the host
 * accepts or declines; either participant cancels, starts (a scheduled session from ten minutes before its start) and
 * completes. What the server would refuse is not offered.
 */
export function allowedTransitions(session: Session, me: string, now = Date.now()): SessionAction[] {
  const host = session.hostUserId === me;
  if (!host && session.guestUserId !== me) return [];
  switch (session.status) {
    case 'requested':
      return host
        ? [
            { status: 'accepted', label: 'Accept' },
            { status: 'declined', label: 'Decline' },
            { status: 'cancelled', label: 'Cancel' },
          ]
        : [{ status: 'cancelled', label: 'Cancel request' }];
    case 'awaiting_payment':
      return [{ status: 'cancelled', label: 'Cancel' }];
    case 'confirmed':
      return now >= (startableFrom(session) ?? now)
        ? [
            { status: 'in_progress', label: 'Start' },
            { status: 'cancelled', label: 'Cancel' },
          ]
        : [{ status: 'cancelled', label: 'Cancel' }];
    case 'in_progress':
      return [{ status: 'completed', label: 'Complete' }];
    default:
      return [];
  }
}

/** Whether the session's call can be joined now. */
export function callable(session: Session): boolean {
  return session.status === 'confirmed' || session.status === 'in_progress';
}

/** A session's status in words ("in progress", "awaiting payment"). */
export function statusText(status: SessionStatus): string {
  return status.replace(/_/g, ' ');
}
