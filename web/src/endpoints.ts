import { ApiError } from './api';
import { api } from './services';
import type {
  Attachment,
  AttachmentLinks,
  AuthAnswer,
  BookingTerms,
  CancellationPreview,
  ConnectStatus,
  Earnings,
  Payment,
  ProfileChanges,
  Conversation,
  ManagedRequest,
  ManagerInvitation,
  Message,
  PaymentMode,
  Money,
  Review,
  Session,
  SessionStatus,
  User,
} from './types';

/**
 * Every HTTP route the client calls, typed, in one place (the paths are the OpenAPI document's). Components call these,
 * through React Query where the answer is server state; none of them builds a URL.
 */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface AdminUser extends User {
  email: string;
  suspended: boolean;
  createdAt: string;
}

/** The latest figures of the metrics topology (openapi.yaml `MetricsSnapshot`). */
export interface MetricsSnapshot {
  asOf: string;
  intervalSeconds: number;
  messagesPerMinute: number;
  messagesLastFullMinute: number;
  activeConversations: number;
  activeWindowMinutes: number;
  sessionsByStatus: Record<string, number>;
  requestsPending: number;
  sam: { queueDepth: number; latencyP50Ms: number | null; latencyP95Ms: number | null; latencySamples: number };
  /** Per lower-case currency, in minor units. */
  revenue24h: Record<string, { grossSucceededCents: number; refundedCents: number; platformFeeCents: number }>;
}

export interface Announcement {
  announcementId: string;
  authorId: string;
  message: string;
  level: 'info' | 'warning' | 'critical';
  publishedAt: string;
}

export interface DiscoverQuery {
  q?: string;
  tag?: string;
  online?: boolean;
  /** Best rated first; absent: by relevance to `q`, else by name. */
  sort?: 'rating';
  cursor?: string;
}

export interface BookingProposal {
  hostUserId: string;
  /** absent or null: now (an instant session) */
  startTime?: string | null;
  durationMinutes: number;
  agreedPrice: Money;
  paymentMode: PaymentMode;
  samActionId?: string;
  conversationId?: string;
}

const id = encodeURIComponent;

export const auth = {
  login: (email: string, password: string) => api.call<AuthAnswer>('POST', '/api/auth/login', { email, password }),
  register: (email: string, password: string, displayName: string, role: 'user' | 'host') =>
    api.call<AuthAnswer>('POST', '/api/auth/register', { email, password, displayName, role }),
  resendVerification: () => api.call<void>('POST', '/api/auth/verification-email', {}),
  verifyEmail: (token: string) => api.call<User>('POST', '/api/auth/verify-email', { token }),
};

export const users = {
  get: (userId: string) => api.call<User>('GET', `/api/users/${id(userId)}`),
  discover: (query: DiscoverQuery) => {
    const params = new URLSearchParams({ limit: '20' });
    if (query.q?.trim()) params.set('q', query.q.trim());
    if (query.tag?.trim()) params.set('tag', query.tag.trim().replace(/^#/, ''));
    if (query.online) params.set('online', 'true');
    if (query.sort) params.set('sort', query.sort);
    if (query.cursor) params.set('cursor', query.cursor);
    return api.call<Page<User>>('GET', `/api/discover?${params}`);
  },
};

export const conversations = {
  openDirect: (userId: string) =>
    api.call<Partial<Conversation> & { conversationId: string }>('POST', '/api/conversations', {
      participantIds: [userId],
    }),
  messagesBefore: (conversationId: string, before: number, limit: number) =>
    api.call<{ items: Message[] }>(
      'GET',
      `/api/conversations/${id(conversationId)}/messages?before=${before}&limit=${limit}`,
    ),
};

/** A registered upload: the client sends the bytes to `upload.url` (openapi.yaml `Upload`). */
export interface Upload {
  attachmentId: string;
  upload: { method: string; url: string; headers: Record<string, string> };
  expiresAt: string;
}

export type UploadTarget = { purpose: 'message'; conversationId: string } | { purpose: 'avatar' };

export const attachments = {
  create: (file: { name: string; type: string; size: number }, target: UploadTarget) =>
    api.call<Upload>('POST', '/api/attachments', {
      ...target,
      name: file.name,
      contentType: file.type || 'application/octet-stream',
      sizeBytes: file.size,
    }),
  complete: (attachmentId: string) => api.call<Attachment>('POST', `/api/attachments/${id(attachmentId)}/complete`, {}),
  links: (attachmentId: string) => api.call<AttachmentLinks>('GET', `/api/attachments/${id(attachmentId)}`),
  setAvatar: (attachmentId: string | null) => api.call<void>('PUT', '/api/me/avatar', { attachmentId }),
};

export const sam = {
  ask: (message: string, conversationId?: string) =>
    api.call<void>('POST', '/api/sam', conversationId ? { message, conversationId } : { message }),
};

export const sessions = {
  book: (proposal: BookingProposal) => api.call<Session | undefined>('POST', '/api/sessions', proposal),
  transition: (sessionId: string, status: SessionStatus) =>
    api.call<Session>('PATCH', `/api/sessions/${id(sessionId)}`, { status }),
  iceServers: (sessionId: string) =>
    api.call<{ iceServers: RTCIceServer[] }>('GET', `/api/sessions/${id(sessionId)}/ice-servers`),
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

export const requests = {
  open: (hostUserId: string, message: string, samActionId?: string) =>
    api.call<ManagedRequest | undefined>('POST', '/api/requests', samActionId ? { hostUserId, message, samActionId } : { hostUserId, message }),
  decide: (requestId: string, status: 'approved' | 'declined', reason?: string) =>
    api.call<ManagedRequest>('PATCH', `/api/requests/${id(requestId)}`, reason ? { status, reason } : { status }),
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

export const announcements = {
  /** The latest announcements, newest first (any signed-in user). */
  latest: () => api.call<{ items: Announcement[] }>('GET', '/api/announcements?limit=5'),
};

/** A failure in words a person can act on: the problem's detail, and each invalid field's message. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const fields = error.problem.errors?.map((e) => `${e.field ?? ''} ${e.message ?? ''}`.trim()).join('; ');
  return fields ? `${error.message} (${fields})` : error.message;
}

// money

export const profile = {
  me: () => api.call<User>('GET', '/api/auth/me'),
  update: (changes: ProfileChanges) => api.call<User>('PATCH', '/api/me/profile', changes),
};

export const bookingTerms = {
  get: () => api.call<BookingTerms>('GET', '/api/me/booking-terms'),
  put: (terms: BookingTerms) => api.call<BookingTerms>('PUT', '/api/me/booking-terms', terms),
};

export const sessionMoney = {
  cancellation: (sessionId: string) =>
    api.call<CancellationPreview>('GET', `/api/sessions/${id(sessionId)}/cancellation`),
};

export const payments = {
  onboard: () =>
    api.call<{ url: string; chargesEnabled: boolean; payoutsEnabled: boolean }>('POST', '/api/payments/connect/onboard', {}),
  connectStatus: () => api.call<ConnectStatus>('GET', '/api/payments/connect/status'),
  /** 202: the intent is made by the payments worker; its clientSecret follows (socket, or {@link get}). */
  createIntent: (sessionId: string) =>
    api.call<{ paymentId: string; status: string }>('POST', '/api/payments/intents', { sessionId }),
  donate: (donation: { hostUserId: string; amountCents: number; currency: string; sessionId?: string; conversationId?: string }) =>
    api.call<{ paymentId: string; status: string }>('POST', '/api/payments/donations', donation),
  get: (paymentId: string) => api.call<Payment>('GET', `/api/payments/${id(paymentId)}`),
  list: (query: { sessionId?: string; cursor?: string } = {}) => {
    const params = new URLSearchParams({ limit: '50' });
    if (query.sessionId) params.set('sessionId', query.sessionId);
    if (query.cursor) params.set('cursor', query.cursor);
    return api.call<Page<Payment>>('GET', `/api/payments?${params}`);
  },
  earnings: () => api.call<Earnings>('GET', '/api/me/earnings'),
};
