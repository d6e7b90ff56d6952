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
  Message,
  PaymentMode,
  Money,
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

/** One in-app notification (openapi.yaml `Notification`). */
export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** Where the client shows it: a hash route such as `/#/c/<id>`. */
  link: string;
  conversationId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<AppNotification> {
  unreadCount: number;
}

/** openapi.yaml `NotificationPreferences`. */
export interface NotificationPreferences {
  emailEnabled: boolean;
  pushEnabled: boolean;
  emailDigest: 'batched' | 'hourly' | 'daily';
  quietHours: { start: string; end: string } | null;
  timeZone: string;
  mutedConversationIds: string[];
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

/** A path segment from an id, encoded. */
export const id = encodeURIComponent;

export const auth = {
  /** `code`: the authenticator app's code (or a recovery code) for an account with two-factor sign-in. */
  login: (email: string, password: string, code?: string) =>
    api.call<AuthAnswer>('POST', '/api/auth/login', code ? { email, password, code } : { email, password }),
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
  /** The author replaces the content of their own message. */
  edit: (conversationId: string, seq: number, content: string) =>
    api.call<unknown>('PATCH', `/api/conversations/${id(conversationId)}/messages/${seq}`, { content }),
  /** The author deletes their own message; its place shows "Message deleted". */
  remove: (conversationId: string, seq: number) =>
    api.call<unknown>('DELETE', `/api/conversations/${id(conversationId)}/messages/${seq}`),
  /** Puts the caller's reaction on (active) or takes it off; the same call twice changes nothing. */
  react: (conversationId: string, seq: number, emoji: string, active: boolean) =>
    api.call<unknown>('PUT', `/api/conversations/${id(conversationId)}/messages/${seq}/reactions`, { emoji, active }),
};

/** One search hit: where it is, and a snippet whose matched words are marked (plain text, never markup). */
export interface SearchHit {
  conversationId: string;
  conversationType: string;
  seq: number;
  senderId: string;
  senderName: string | null;
  timestamp: string;
  rank: number;
  snippet: { text: string; match: boolean }[];
}

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

export const requests = {
  open: (hostUserId: string, message: string, samActionId?: string) =>
    api.call<ManagedRequest | undefined>('POST', '/api/requests', samActionId ? { hostUserId, message, samActionId } : { hostUserId, message }),
  decide: (requestId: string, status: 'approved' | 'declined', reason?: string) =>
    api.call<ManagedRequest>('PATCH', `/api/requests/${id(requestId)}`, reason ? { status, reason } : { status }),
};

export type ReportTarget = 'message' | 'profile' | 'review' | 'session';
export type ReportReason = 'spam' | 'harassment' | 'hate' | 'sexual' | 'violence' | 'scam' | 'impersonation' | 'other';
export type ModerationAction = 'dismiss' | 'hide_message' | 'suspend' | 'ban';

/** One of the caller's reports: its outcome once an admin resolved it, never what was done. */
export interface MyReport {
  reportId: string;
  targetType: ReportTarget;
  targetId: string;
  reason: ReportReason;
  createdAt: string;
  status: 'open' | 'resolved';
  outcome: 'action_taken' | 'no_action' | null;
  resolvedAt: string | null;
}

export interface Block {
  userId: string;
  displayName: string;
  blockedAt: string;
}

/** An open report in the admins' queue, with the content as it was reported and who reported it. */
export interface QueuedReport {
  reportId: string;
  targetType: ReportTarget;
  targetId: string;
  reason: ReportReason;
  details: string | null;
  content: Record<string, unknown>;
  createdAt: string;
  reporter: { id: string; displayName: string; email: string };
}

export interface ModerationGroup {
  reportedUser: { id: string; displayName: string; suspended: boolean } | null;
  openReports: number;
  reports: QueuedReport[];
}

export const announcements = {
  /** The latest announcements, newest first (any signed-in user). */
  latest: () => api.call<{ items: Announcement[] }>('GET', '/api/announcements?limit=5'),
};

/** The caller's scheduled deletion (openapi.yaml `AccountDeletion`). */
export interface AccountDeletion {
  scheduled: boolean;
  deletionDueAt: string | null;
  graceHours: number;
}

/** One of the caller's sign-ins (openapi.yaml `SignIn`). */
export interface SignIn {
  id: string;
  signedInAt: string;
  lastActiveAt: string;
  expiresAt: string;
  current: boolean;
}

export interface TwoFactorStatus {
  enabled: boolean;
  pending: boolean;
  recoveryCodesLeft: number;
}

/** The caller's own account: their data, its deletion, their sign-ins and two-factor sign-in. */
export const notifications = {
  /** The newest notifications and the unread count. */
  latest: () => api.call<NotificationPage>('GET', '/api/notifications?limit=30'),
  /** Marks the caller's own read: those ids, or all of them. */
  markRead: (ids: string[] | 'all') =>
    api.call<{ unreadCount: number }>('POST', '/api/notifications/read', ids === 'all' ? { all: true } : { ids }),
  preferences: () => api.call<NotificationPreferences>('GET', '/api/me/notification-preferences'),
  savePreferences: (prefs: NotificationPreferences) =>
    api.call<NotificationPreferences>('PUT', '/api/me/notification-preferences', prefs),
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
