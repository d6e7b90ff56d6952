// The API calls that only views loaded on demand make (settings, admin, scheduling, reviews, search, safety): a
// module of their own, so they stay out of the first visit's bundle (scripts/bundle-size.mjs).
import { id } from './endpoints';
import { api } from './services';
import type { AccountDeletion, AdminUser, Block, MetricsSnapshot, ModerationAction, ModerationGroup, MyReport, Page, ReportReason, ReportTarget, SearchHit, SignIn, TwoFactorStatus } from './endpoints';
import type { Availability, HostSlots, ManagedRequest, ManagerInvitation, Reschedule, Review } from './types';

export const search = {
  messages: (q: string, cursor?: string) => {
    const params = new URLSearchParams({ q, limit: '20' });
    if (cursor) params.set('cursor', cursor);
    return api.call<Page<SearchHit>>('GET', `/api/search?${params}`);
  },
};

export const readReceipts = {
  get: () => api.call<{ enabled: boolean }>('GET', '/api/me/read-receipts'),
  set: (enabled: boolean) => api.call<{ enabled: boolean }>('PUT', '/api/me/read-receipts', { enabled }),
};

export const reschedules = {
  /** The session's start, how many times it moved and the proposal waiting for an answer. */
  of: (sessionId: string) => api.call<Reschedule>('GET', `/api/sessions/${id(sessionId)}/reschedule`),
  /** Either participant proposes a new start (the answer is the state, or `{status: 'pending'}` past the wait). */
  propose: (sessionId: string, startTime: string) =>
    api.call<Reschedule>('POST', `/api/sessions/${id(sessionId)}/reschedule`, { startTime }),
  /** The other participant accepts (the session moves) or declines the waiting proposal. */
  answer: (sessionId: string, accept: boolean) =>
    api.call<Reschedule>('POST', `/api/sessions/${id(sessionId)}/reschedule/${accept ? 'accept' : 'decline'}`),
  /** The session's iCalendar file. */
  calendarFile: (sessionId: string) => api.text(`/api/sessions/${id(sessionId)}/calendar.ics`),
};

export const reviews = {
  /** The review of one of the caller's sessions, null while there is none. */
  ofSession: (sessionId: string) =>
    api.call<{ review: Review | null }>('GET', `/api/sessions/${id(sessionId)}/review`),
  /** The guest rates their completed session, once (the answer is the review, or `{status: 'pending'}` past the wait). */
  rate: (sessionId: string, rating: number, text?: string) =>
    api.call<Review>('POST', `/api/sessions/${id(sessionId)}/review`, text ? { rating, text } : { rating }),
  /** The host answers the review of their session publicly, once. */
  answer: (sessionId: string, text: string) =>
    api.call<Review>('POST', `/api/sessions/${id(sessionId)}/review/answer`, { text }),
  /** A host's latest reviews, newest first (hidden ones never). */
  ofHost: (hostId: string) => api.call<Page<Review>>('GET', `/api/hosts/${id(hostId)}/reviews?limit=5`),
};

export const managerInvitations = {
  list: () =>
    api.call<{ sent: ManagerInvitation[]; received: ManagerInvitation[] }>('GET', '/api/manager-invitations'),
  invite: (email: string) => api.call<ManagerInvitation>('POST', '/api/manager-invitations', { email }),
  accept: (invitationId: string) =>
    api.call<ManagerInvitation>('POST', `/api/manager-invitations/${id(invitationId)}/accept`, {}),
  remove: (invitationId: string) => api.call<void>('DELETE', `/api/manager-invitations/${id(invitationId)}`),
};

export const admin = {
  metrics: () => api.call<MetricsSnapshot>('GET', '/api/admin/metrics'),
  /** Accounts whose email or display name matches `q` (all of them without one). */
  users: (q: string) => {
    const params = new URLSearchParams({ limit: '50' });
    if (q.trim()) params.set('q', q.trim());
    return api.call<Page<AdminUser>>('GET', `/api/admin/users?${params}`);
  },
  setSuspended: (userId: string, suspended: boolean, reason?: string) =>
    api.call<void>('PATCH', `/api/admin/users/${id(userId)}`, reason ? { suspended, reason } : { suspended }),
  requests: () => api.call<Page<ManagedRequest>>('GET', '/api/admin/requests?limit=100'),
  announce: (message: string, level: 'info' | 'warning') =>
    api.call<void>('POST', '/api/admin/announcements', { message, level }),
};

export const safety = {
  blocks: () => api.call<{ items: Block[] }>('GET', '/api/blocks'),
  block: (userId: string) => api.call<Block>('POST', '/api/blocks', { userId }),
  unblock: (userId: string) => api.call<void>('DELETE', `/api/blocks/${id(userId)}`),
  report: (targetType: ReportTarget, targetId: string, reason: ReportReason, details?: string) =>
    api.call<MyReport>('POST', '/api/reports', details ? { targetType, targetId, reason, details } : { targetType, targetId, reason }),
  myReports: () => api.call<{ items: MyReport[] }>('GET', '/api/reports'),
};

export const moderation = {
  queue: () => api.call<{ groups: ModerationGroup[] }>('GET', '/api/admin/reports'),
  resolve: (reportId: string, action: ModerationAction, note: string) =>
    api.call<{ outcome: string }>('POST', `/api/admin/reports/${id(reportId)}/resolve`, { action, note }),
};

export const account = {
  /** Everything the platform holds about the caller, as one JSON document. */
  exportData: () => api.call<Record<string, unknown>>('GET', '/api/me/export'),
  deletion: () => api.call<AccountDeletion>('GET', '/api/me/deletion'),
  scheduleDeletion: () => api.call<AccountDeletion>('POST', '/api/me/deletion', {}),
  cancelDeletion: () => api.call<AccountDeletion>('DELETE', '/api/me/deletion'),
  signIns: () => api.call<{ items: SignIn[] }>('GET', '/api/me/sessions'),
  revokeSignIn: (signInId: string) => api.call<void>('DELETE', `/api/me/sessions/${id(signInId)}`),
  twoFactor: () => api.call<TwoFactorStatus>('GET', '/api/me/two-factor'),
  enrolTwoFactor: () => api.call<{ secret: string; otpauthUri: string }>('POST', '/api/me/two-factor', {}),
  confirmTwoFactor: (code: string) =>
    api.call<{ enabled: boolean; recoveryCodes: string[] }>('POST', '/api/me/two-factor/confirm', { code }),
  disableTwoFactor: (code: string) => api.call<void>('POST', '/api/me/two-factor/disable', { code }),
};

export const availability = {
  /** The caller's own (hosts only); 404 while they have none. */
  mine: () => api.call<Availability>('GET', '/api/me/availability'),
  put: (published: Availability) => api.call<Availability>('PUT', '/api/me/availability', published),
  slots: (hostId: string, query: { from: string; to: string; duration?: number }) => {
    const params = new URLSearchParams({ from: query.from, to: query.to });
    if (query.duration) params.set('duration', String(query.duration));
    return api.call<HostSlots>('GET', `/api/hosts/${id(hostId)}/slots?${params}`);
  },
};

/** openapi.yaml `PushSubscription`: one of the caller's devices subscribed to Web Push. */
export interface PushDevice {
  id: string;
  endpoint: string;
  userAgent: string | null;
  createdAt: string;
}

export const webPush = {
  /** The VAPID public key browsers subscribe with (null: Web Push is off on this server). */
  key: () => api.call<{ publicKey: string | null }>('GET', '/api/notifications/push/key'),
  /** Registers this device's subscription (PushSubscription.toJSON()); the same endpoint again is the same device. */
  register: (subscription: PushSubscriptionJSON) =>
    api.call<PushDevice>('POST', '/api/notifications/push/subscriptions', { ...subscription, userAgent: navigator.userAgent.slice(0, 300) }),
  remove: (deviceId: string) => api.call<void>('DELETE', `/api/notifications/push/subscriptions/${id(deviceId)}`),
};
