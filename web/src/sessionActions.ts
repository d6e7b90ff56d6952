import type { Session, SessionStatus } from './types';

export interface SessionAction {
  status: SessionStatus;
  label: string;
}

/**
 * Which transitions a participant may ask for now, by role and status (docs/sessions-and-requests.md): the host
 * accepts or declines; either participant cancels, starts and completes. What the server would refuse is not offered.
 */
export function allowedTransitions(session: Session, me: string): SessionAction[] {
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
      return [
        { status: 'in_progress', label: 'Start' },
        { status: 'cancelled', label: 'Cancel' },
      ];
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
