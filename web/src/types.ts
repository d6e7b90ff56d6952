import type { AppNotification } from './endpoints';
/** The API's shapes (DESIGN.md §4–5 and docs/architecture.md "Where we deviate"). */

export interface User {
  id: string;
  email?: string;
  /** False until the owner followed the link mailed to their address (own account only). */
  emailVerified?: boolean;
  displayName: string;
  roles: string[];
  bio?: string | null;
  tags?: string[];
  priceCents?: number | null;
  currency?: string | null;
  instantAvailable?: boolean;
  managerId?: string | null;
  representativeName?: string | null;
  /** Public profile: requests go through a representative ("Request an introduction"). */
  managed?: boolean;
  /** Public profile: the host's booking terms welcome donations (tips). */
  donationsWelcome?: boolean;
  presence?: { status: string };
  /** The profile picture: an attachment any signed-in user may fetch (null: none). */
  avatarId?: string | null;
  /** Public profile: the average and number of the host's reviews; null when nobody rated them. */
  rating?: HostRating | null;
}

export interface HostRating {
  average: number;
  count: number;
}

/** The review of one session (openapi.yaml `Review`): public, the guest named by display name only. */
export interface Review {
  sessionId: string;
  hostId: string;
  guestDisplayName: string | null;
  rating: number;
  text: string | null;
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
}

export interface AuthAnswer {
  user: User;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface Participant {
  userId: string;
  displayName: string | null;
  /** How far this member has read as the others may see it ("Seen"); absent in older caches. */
  seenSeq?: number;
  avatarId?: string | null;
}

export type SamAction =
  | { type: 'show_hosts'; hostIds: string[]; actionId?: string }
  | {
      type: 'propose_booking';
      /** Set by Sam on every action it keeps; a session booked from it carries it as `samActionId`. */
      actionId?: string;
      hostUserId: string;
      startTime?: string;
      durationMinutes: number;
      agreedPrice: Money;
      paymentMode: PaymentMode;
    }
  | { type: 'open_request'; hostUserId: string; message: string; actionId?: string }
  | { type: 'session'; sessionId: string; status: SessionStatus };

/** A file or image a message carries (openapi.yaml `Attachment`); `width`/`height` only for an image. */
export interface Attachment {
  attachmentId: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  width?: number;
  height?: number;
  thumbnail: boolean;
}

/** Short-lived signed links to an attachment (openapi.yaml `AttachmentLinks`). */
export interface AttachmentLinks {
  attachment: Attachment;
  url: string;
  thumbnailUrl?: string;
  expiresAt: string;
}

export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  clientMessageId: string | null;
  content: string;
  timestamp: string;
  type: 'text' | 'system' | 'sam' | string;
  actions: SamAction[];
  editedAt?: string;
  deletedAt?: string;
  /** The earlier message this one quotes. */
  replyToSeq?: number;
  /** The quoted message as it read when this one was fetched (REST and sync; live messages carry replyToSeq only). */
  replyTo?: QuotedMessage | null;
  /** Per emoji, the users whose reaction is on the message. */
  reactions?: Record<string, string[]>;
  /** Files and images, in the order sent (absent in messages cached before attachments existed). */
  attachments?: Attachment[];
  /** The members the message mentions (`<@userId>` tokens in content). */
  mentionedUserIds?: string[];
}

export interface QuotedMessage {
  seq: number;
  senderId: string;
  content: string | null;
  /** What the quoted message carries, so that a quote of a photo or file says so. */
  attachments?: Attachment[];
  edited: boolean;
  deleted: boolean;
}

/** The reactions a message can carry (the server refuses any other). */
export const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🎉'] as const;

export interface Conversation {
  conversationId: string;
  type: 'direct' | 'group' | string;
  participants: Participant[];
  participantIds: string[];
  createdAt: string;
  lastActivity: string;
  lastSeq: number;
  unreadCount: number;
  lastReadSeq: number;
  /** The newest message mentioning the viewer (0 or absent: none); "@" in the list while above lastReadSeq. */
  mentionSeq?: number;
  /** The conversation seq and the read position {@link unreadCount} was computed at (see `newerUnread`). */
  unreadAsOfSeq: number;
  unreadAsOfReadSeq: number;
  linkedSessionId: string | null;
  lastMessage: Message | null;
}

/** A send not yet confirmed by the server, kept until its message (same clientMessageId) is stored. */
/** What a message carries besides its text: the message it replies to, the completed uploads it names. */
export interface SendExtras {
  replyToSeq?: number;
  attachments?: Attachment[];
  mentionedUserIds?: string[];
}

export interface PendingSend {
  clientMessageId: string;
  conversationId: string;
  senderId: string;
  content: string;
  /** The seq of the message this one replies to. */
  replyToSeq?: number;
  /** Strictly increasing: the order in which sends are delivered. */
  queuedAt: number;
  /** queued: not sent yet (or to retry) · sending: in flight · accepted: 202, waiting for its seq · failed: refused */
  status: 'queued' | 'sending' | 'accepted' | 'failed';
  error?: string;
  /** Completed uploads the message carries (uploaded before it was queued). */
  attachments?: Attachment[];
  /** The members it mentions. */
  mentionedUserIds?: string[];
}

export type PaymentMode = 'free' | 'paid' | 'donation';
export type SessionStatus =
  | 'requested'
  | 'accepted'
  | 'declined'
  | 'cancelled'
  | 'awaiting_payment'
  | 'confirmed'
  | 'in_progress'
  | 'completed'
  | 'no_show';

export interface Money {
  amountCents: number;
  currency: string;
}

export interface Session {
  sessionId: string;
  guestUserId: string;
  hostUserId: string;
  conversationId: string | null;
  startTime: string | null;
  durationMinutes: number;
  agreedPrice: Money;
  paymentMode: PaymentMode;
  status: SessionStatus;
  requestedAt: string;
  updatedAt: string;
  startedAt?: string | null;
  completedAt?: string | null;
  actualDurationSeconds?: number | null;
  /** The Sam proposal (`actionId`) it was booked from. */
  samActionId?: string | null;
}

/** A session's start, how many times it moved and the proposal to move it (`GET /api/sessions/{id}/reschedule`). */
export interface Reschedule {
  sessionId: string;
  startTime: string | null;
  sequence: number;
  proposal: { startTime: string; proposedBy: string } | null;
}

export interface ManagedRequest {
  requestId: string;
  requesterId: string;
  hostUserId: string;
  managerId: string;
  representativeName: string | null;
  message: string;
  status: 'pending' | 'approved' | 'declined' | 'withdrawn' | string;
  conversationId: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
  /** The Sam proposal (`actionId`) it was sent from. */
  samActionId?: string | null;
  /** Display names, so a manager's card names people (absent from older servers: then the profile is fetched). */
  requesterName?: string | null;
  hostName?: string | null;
}

/** Server → client frames; /api/sync items have the same shapes. */
export type ServerFrame =
  | { type: 'hello'; userId: string }
  | { type: 'pong' }
  | { type: 'message.new'; message: Message }
  | { type: 'message.ack'; clientMessageId: string; seq: number; conversationId: string; messageId: string }
  | { type: 'message.edited'; conversationId: string; seq: number; content: string; editorId: string; editedAt: string }
  | { type: 'message.deleted'; conversationId: string; seq: number; deletedBy: string; deletedAt: string }
  | {
      type: 'message.reacted';
      conversationId: string;
      seq: number;
      emoji: string;
      userIds: string[];
      userId: string;
      active: boolean;
    }
  | { type: 'receipt'; conversationId: string; userId: string; seq: number }
  | { type: 'conversation'; conversation: Conversation }
  | {
      type: 'unread';
      conversationId: string;
      unreadCount: number;
      totalUnread: number;
      unreadAsOfSeq: number;
      unreadAsOfReadSeq: number;
    }
  | { type: 'typing'; conversationId: string; userId: string; isTyping: boolean }
  | { type: 'presence'; userId: string; status: string }
  | {
      type: 'session.updated';
      session: Session;
      previousStatus?: string;
      actorId?: string;
      reason?: string;
      reschedule?: { step: 'proposed' | 'declined' | 'rescheduled'; actorId: string; startTime: string; sequence?: number | null };
    }
  | { type: 'session.reminder'; sessionId: string; lead: '24h' | '15m'; startTime: string; title: string; session: Session }
  | { type: 'request.updated'; request: ManagedRequest }
  | { type: 'payment.updated'; payment: Record<string, unknown> }
  | { type: 'payment.account-updated'; hostUserId: string; chargesEnabled: boolean; payoutsEnabled: boolean }
  | { type: 'announcement'; [key: string]: unknown }
  | { type: 'report.resolved'; reportId: string; targetType: string; outcome: 'action_taken' | 'no_action'; resolvedAt: string }
  | { type: 'notifications'; unreadCount: number }
  | { type: 'rtc.signal'; sessionId: string; fromUserId?: string; payload: RtcPayload }
  | { type: 'error'; code: string; message: string; clientMessageId?: string };

export type RtcPayload =
  | { kind: 'hello'; reply?: boolean }
  | { kind: 'description'; description: RTCSessionDescriptionInit }
  | { kind: 'candidate'; candidate: RTCIceCandidateInit }
  | { kind: 'hangup' };

export interface SyncPage {
  items: ServerFrame[];
  nextCursor: string;
  limited: boolean;
  /** The in-app notifications as they stand: the unread count and the newest 20. */
  notifications?: { unreadCount: number; items: AppNotification[] };
}

export const SAM_USER_ID = '00000000-0000-0000-0000-000000000002';
export const PLATFORM_USER_ID = '00000000-0000-0000-0000-000000000001';

/** A host's invitation of a manager (`/api/manager-invitations`); the manager decides only once accepted. */
export interface ManagerInvitation {
  id: string;
  hostUserId: string;
  hostDisplayName: string;
  managerUserId: string;
  managerDisplayName: string;
  status: 'pending' | 'accepted';
  createdAt: string;
  acceptedAt: string | null;
}

/** A host's booking terms (`/api/me/booking-terms`). */
/** A local wall-clock range of one day, `HH:mm`; an end of `24:00` is the next midnight. */
export interface TimeRange {
  start: string;
  end: string;
}

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** When a host takes scheduled sessions, in their own IANA time zone (`PUT /api/me/availability`). */
export interface Availability {
  timeZone: string;
  weekly: Partial<Record<Weekday, TimeRange[]>>;
  /** Replaces a local date's ranges; empty ranges = a day off. */
  overrides: { date: string; ranges: TimeRange[] }[];
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  horizonDays: number;
  durationsMinutes: number[];
}

export interface Slot {
  start: string;
  end: string;
}

/** `GET /api/hosts/:id/slots`: hostTimeZone null = the host set no availability and takes any free time. */
export interface HostSlots {
  hostTimeZone: string | null;
  durationMinutes: number | null;
  durationsMinutes: number[];
  slots: Slot[];
}

export interface BookingTerms {
  /** Minutes an unanswered request holds its slot; 0 = not at all, null = the platform default (24 h). */
  requestHoldMinutes: number | null;
  donationsWelcome: boolean;
}

/** A payment as payer or payee (`/api/payments`); `clientSecret` only for the payer of an intent not yet paid. */
export interface Payment {
  paymentId: string;
  kind: 'session' | 'donation' | string;
  sessionId?: string | null;
  conversationId?: string | null;
  payerUserId: string;
  payeeUserId: string;
  payerName?: string | null;
  payeeName?: string | null;
  /** `failed` with a clientSecret: declined, payable with another card. */
  status: 'pending' | 'succeeded' | 'failed' | 'refunded' | string;
  amountCents: number;
  currency: string;
  clientSecret?: string;
  /** What the payment leaves whom: the platform's fee as kept after refunds, refunded, the payee's net. */
  receipt: { feeCents: number; refundedCents: number; netCents: number };
  createdAt: string;
  updatedAt: string;
}

export interface ConnectStatus {
  connected: boolean;
  detailsSubmitted: boolean;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  /** What Stripe still needs (its `currently_due`), already in words. */
  requirements: string[];
}

export interface EarningsItem {
  paymentId: string;
  kind: 'session' | 'donation';
  sessionId: string | null;
  payerName: string | null;
  currency: string;
  grossCents: number;
  feeCents: number;
  refundedCents: number;
  netCents: number;
  paidAt: string;
}

export interface Earnings {
  currency: string;
  grossCents: number;
  feeCents: number;
  refundedCents: number;
  netCents: number;
  items: EarningsItem[];
}

/** What cancelling a session now would refund (`GET /api/sessions/{id}/cancellation`). */
export interface CancellationPreview {
  sessionId: string;
  cancellable: boolean;
  refund: Money | null;
  message: string;
}

/** The profile fields a person edits in Settings (update-profile.json). */
export interface ProfileChanges {
  displayName?: string;
  bio?: string;
  tags?: string[];
  priceCents?: number;
  currency?: string;
  instantAvailable?: boolean;
}
