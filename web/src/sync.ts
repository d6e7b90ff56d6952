import type { ChatDatabase } from './db';
import { SYNC_CURSOR, SYNCED_NOTIFICATIONS } from './db';
import type {
  Conversation,
  ManagedRequest,
  Message,
  Participant,
  PendingSend,
  SendExtras,
  ServerFrame,
  Session,
  SyncPage,
} from './types';

/**
 * What applying a frame tells the connection to do next: fetch a missing range of a conversation (a seq jump),
 * or resynchronise because a message names a conversation this cache does not know yet.
 */
export interface FrameEffect {
  gap?: { conversationId: string; afterSeq: number; beforeSeq: number };
  unknownConversation?: string;
}

const NONE: FrameEffect = {};

/** Setting key prefix: an unread count that came before its conversation. */
const EARLY_UNREAD = 'earlyUnread:';

/** An unread count and the (conversation seq, read position) it was computed at. */
export type UnreadCount = Pick<Conversation, 'unreadCount' | 'unreadAsOfSeq' | 'unreadAsOfReadSeq'>;

/** A direct conversation with nothing in it yet, as kept until the server's own description arrives by sync. */
export function newDirectConversation(
  conversationId: string,
  participants: [Participant, Participant],
  createdAt: string,
): Conversation {
  return {
    conversationId,
    type: 'direct',
    participants,
    participantIds: participants.map((p) => p.userId),
    createdAt,
    lastActivity: createdAt,
    lastSeq: 0,
    unreadCount: 0,
    lastReadSeq: 0,
    unreadAsOfSeq: 0,
    unreadAsOfReadSeq: 0,
    linkedSessionId: null,
    lastMessage: null,
  };
}

/**
 * Whether {@code incoming} was computed no earlier than {@code held}. Live `unread` frames and /api/sync rows come by
 * different paths, so the last to arrive is not always the newest; for one conversation and reader both the seq and
 * the read position only grow, so the pairs are ordered (docs/architecture.md, "Unread counts on the client").
 * Caches written before the pair existed hold no pair: anything is newer than that.
 */
export function newerUnread(incoming: UnreadCount, held: UnreadCount | undefined): boolean {
  if (!held) return true;
  const heldSeq = held.unreadAsOfSeq ?? -1;
  const heldRead = held.unreadAsOfReadSeq ?? -1;
  return incoming.unreadAsOfSeq > heldSeq || (incoming.unreadAsOfSeq === heldSeq && incoming.unreadAsOfReadSeq >= heldRead);
}

function unreadOf(c: UnreadCount): UnreadCount {
  return { unreadCount: c.unreadCount, unreadAsOfSeq: c.unreadAsOfSeq, unreadAsOfReadSeq: c.unreadAsOfReadSeq };
}

function later(a: string | null | undefined, b: string | null | undefined): string {
  if (!a) return b ?? '';
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** The stored message with the newest edit/delete kept: a late duplicate never undoes an edit or a deletion. */
export function mergeMessage(existing: Message | undefined, incoming: Message): Message {
  if (!existing) return incoming;
  const merged: Message = { ...existing, ...incoming };
  if (existing.editedAt && (!incoming.editedAt || Date.parse(incoming.editedAt) < Date.parse(existing.editedAt))) {
    merged.content = existing.content;
    merged.editedAt = existing.editedAt;
  }
  if (existing.deletedAt && !incoming.deletedAt) merged.deletedAt = existing.deletedAt;
  return merged;
}

/**
 * A conversation row from the server merged into the cached one: the latest message and activity win by seq and
 * time; the unread count is the one computed later ({@link newerUnread}), wherever it came from.
 */
export function mergeConversation(existing: Conversation | undefined, incoming: Conversation): Conversation {
  if (!existing) return incoming;
  const lastMessage =
    (incoming.lastMessage?.seq ?? 0) >= (existing.lastMessage?.seq ?? 0) ? incoming.lastMessage : existing.lastMessage;
  return {
    ...existing,
    ...incoming,
    participants: mergeSeen(existing.participants, incoming.participants),
    lastSeq: Math.max(existing.lastSeq, incoming.lastSeq),
    lastReadSeq: Math.max(existing.lastReadSeq, incoming.lastReadSeq),
    mentionSeq: Math.max(existing.mentionSeq ?? 0, incoming.mentionSeq ?? 0),
    lastActivity: later(existing.lastActivity, incoming.lastActivity),
    lastMessage: lastMessage ?? existing.lastMessage ?? null,
    ...unreadOf(newerUnread(incoming, existing) ? incoming : existing),
  };
}

/** The incoming participants, each keeping the furthest "seen" position either side knew (it never moves back). */
export function mergeSeen(existing: Participant[], incoming: Participant[]): Participant[] {
  return incoming.map((p) => {
    const held = existing.find((e) => e.userId === p.userId)?.seenSeq ?? 0;
    return { ...p, seenSeq: Math.max(held, p.seenSeq ?? 0) };
  });
}

/** A message's reactions with one emoji's users replaced by the absolute list a `message.reacted` frame carries. */
export function withReaction(
  reactions: Record<string, string[]> | undefined,
  emoji: string,
  userIds: string[],
): Record<string, string[]> {
  const next = { ...(reactions ?? {}) };
  if (userIds.length === 0) delete next[emoji];
  else next[emoji] = userIds;
  return next;
}

/**
 * Who has seen `seq` among the others of a conversation: members whose seen position reached it (`me` never counts).
 */
export function seenBy(participants: Participant[], seq: number, me: string): Participant[] {
  return participants.filter((p) => p.userId !== me && (p.seenSeq ?? 0) >= seq);
}

async function highestStoredSeq(db: ChatDatabase, conversationId: string): Promise<number | undefined> {
  const last = await db.messages
    .where('[conversationId+seq]')
    .between([conversationId, -Infinity], [conversationId, Infinity])
    .last();
  return last?.seq;
}

/**
 * Stores a message once per (conversationId, seq), moves its conversation's latest message and activity forward (and
 * its mention mark, when the message mentions the viewer),
 * and retires the pending send it confirms (same clientMessageId from this user).
 */
export async function applyMessage(db: ChatDatabase, message: Message, me: string): Promise<FrameEffect> {
  return db.transaction('rw', [db.messages, db.conversations, db.outbox], async () => {
    const key: [string, number] = [message.conversationId, message.seq];
    const existing = await db.messages.get(key);
    const highest = existing ? undefined : await highestStoredSeq(db, message.conversationId);
    await db.messages.put(mergeMessage(existing, message));
    if (message.clientMessageId && message.senderId === me) {
      const pending = await db.outbox.get(message.clientMessageId);
      if (pending && pending.conversationId === message.conversationId) await db.outbox.delete(pending.clientMessageId);
    }
    let conversation = await db.conversations.get(message.conversationId);
    if (!conversation) return { unknownConversation: message.conversationId };
    if (message.mentionedUserIds?.includes(me) && message.seq > (conversation.mentionSeq ?? 0)) {
      conversation = { ...conversation, mentionSeq: message.seq };
      await db.conversations.put(conversation);
    }
    if (message.seq >= conversation.lastSeq) {
      await db.conversations.put({
        ...conversation,
        lastSeq: message.seq,
        lastMessage: mergeMessage(conversation.lastMessage?.seq === message.seq ? conversation.lastMessage : undefined, message),
        lastActivity: later(conversation.lastActivity, message.timestamp),
        lastReadSeq: message.senderId === me ? Math.max(conversation.lastReadSeq, message.seq) : conversation.lastReadSeq,
      });
    }
    if (highest !== undefined && message.seq > highest + 1) {
      return { gap: { conversationId: message.conversationId, afterSeq: highest, beforeSeq: message.seq } };
    }
    return NONE;
  });
}

/** Applies one server frame (live or a sync item) to the cache. Frames that are not cached state are ignored here. */
export async function applyFrame(db: ChatDatabase, frame: ServerFrame, me: string): Promise<FrameEffect> {
  switch (frame.type) {
    case 'message.new':
      return applyMessage(db, frame.message, me);
    case 'message.ack':
      await db.outbox.delete(frame.clientMessageId);
      return NONE;
    case 'message.edited':
    case 'message.deleted':
      await db.transaction('rw', [db.messages, db.conversations], async () => {
        const key: [string, number] = [frame.conversationId, frame.seq];
        const change: Partial<Message> =
          frame.type === 'message.edited'
            ? { content: frame.content, editedAt: frame.editedAt }
            : { deletedAt: frame.deletedAt, content: '' };
        await db.messages.update(key, change);
        const conversation = await db.conversations.get(frame.conversationId);
        if (conversation?.lastMessage?.seq === frame.seq) {
          await db.conversations.update(frame.conversationId, { lastMessage: { ...conversation.lastMessage, ...change } });
        }
      });
      return NONE;
    case 'message.reacted':
      await db.transaction('rw', [db.messages, db.conversations], async () => {
        const key: [string, number] = [frame.conversationId, frame.seq];
        const stored = await db.messages.get(key);
        if (stored) await db.messages.update(key, { reactions: withReaction(stored.reactions, frame.emoji, frame.userIds) });
        const conversation = await db.conversations.get(frame.conversationId);
        if (conversation?.lastMessage?.seq === frame.seq) {
          const reactions = withReaction(conversation.lastMessage.reactions, frame.emoji, frame.userIds);
          await db.conversations.update(frame.conversationId, { lastMessage: { ...conversation.lastMessage, reactions } });
        }
      });
      return NONE;
    case 'receipt':
      await db.transaction('rw', [db.conversations], async () => {
        const conversation = await db.conversations.get(frame.conversationId);
        if (!conversation) return;
        const participants = conversation.participants.map((p) =>
          p.userId === frame.userId ? { ...p, seenSeq: Math.max(p.seenSeq ?? 0, frame.seq) } : p,
        );
        await db.conversations.update(frame.conversationId, { participants });
      });
      return NONE;
    case 'conversation':
      await db.transaction('rw', [db.conversations, db.messages, db.settings], async () => {
        const id = frame.conversation.conversationId;
        const existing = await db.conversations.get(id);
        const merged = mergeConversation(existing, frame.conversation);
        if (!existing) {
          // Live frames may have come before the conversation did (its first message, its unread count).
          const early = await db.setting<UnreadCount>(EARLY_UNREAD + id);
          if (early !== undefined) {
            if (newerUnread(early, merged)) Object.assign(merged, unreadOf(early));
            await db.settings.delete(EARLY_UNREAD + id);
          }
          // …and a first message that mentions the viewer (the row may be older than its projection).
          const mentioning = await db.messages
            .where('[conversationId+seq]')
            .between([id, -Infinity], [id, Infinity])
            .filter((m) => !!m.mentionedUserIds?.includes(me))
            .last();
          if (mentioning) merged.mentionSeq = Math.max(merged.mentionSeq ?? 0, mentioning.seq);
        }
        const highest = await highestStoredSeq(db, id);
        if (highest !== undefined && highest > merged.lastSeq) {
          const last = (await db.messages.get([id, highest]))!;
          merged.lastSeq = last.seq;
          merged.lastMessage = last;
          merged.lastActivity = later(merged.lastActivity, last.timestamp);
          if (last.senderId === me) merged.lastReadSeq = Math.max(merged.lastReadSeq, last.seq);
        }
        await db.conversations.put(merged);
      });
      return NONE;
    case 'unread':
      await db.transaction('rw', [db.conversations, db.settings], async () => {
        const count = unreadOf(frame);
        const conversation = await db.conversations.get(frame.conversationId);
        if (conversation) {
          if (newerUnread(count, conversation)) await db.conversations.update(frame.conversationId, count);
        } else {
          const early = await db.setting<UnreadCount>(EARLY_UNREAD + frame.conversationId);
          if (newerUnread(count, early)) await db.putSetting(EARLY_UNREAD + frame.conversationId, count);
        }
      });
      return NONE;
    case 'session.updated':
      await putIfNotOlder(db.sessions, frame.session.sessionId, frame.session, (s: Session) => s.updatedAt);
      return NONE;
    case 'request.updated':
      await putIfNotOlder(
        db.requests,
        frame.request.requestId,
        frame.request,
        (r: ManagedRequest) => r.decidedAt ?? r.createdAt,
      );
      return NONE;
    default:
      return NONE;
  }
}

async function putIfNotOlder<T>(
  table: import('dexie').Table<T, string>,
  key: string,
  value: T,
  time: (value: T) => string,
): Promise<void> {
  await table.db.transaction('rw', table, async () => {
    const existing = await table.get(key);
    if (!existing || Date.parse(time(value)) >= Date.parse(time(existing))) await table.put(value);
  });
}

/**
 * Applies a /api/sync page and only then moves the stored cursor, in one transaction: the cursor never gets ahead
 * of what the cache holds. Returns the effects of its items (gaps, unknown conversations).
 */
export async function applySyncPage(db: ChatDatabase, page: SyncPage, me: string): Promise<FrameEffect[]> {
  return db.transaction(
    'rw',
    [db.messages, db.conversations, db.outbox, db.sessions, db.requests, db.settings],
    async () => {
      const effects: FrameEffect[] = [];
      for (const item of page.items) effects.push(await applyFrame(db, item, me));
      if (page.notifications) await db.putSetting(SYNCED_NOTIFICATIONS, page.notifications);
      await db.putSetting(SYNC_CURSOR, page.nextCursor);
      return effects;
    },
  );
}

let lastQueuedAt = 0;

/** Queues a send; it is delivered by {@link nextToDeliver} order, whether the socket is up or not. */
export async function queueSend(
  db: ChatDatabase,
  conversationId: string,
  content: string,
  me: string,
  clientMessageId: string = crypto.randomUUID(),
  { replyToSeq, attachments = [], mentionedUserIds = [] }: SendExtras = {},
): Promise<PendingSend> {
  const newest = await db.outbox.orderBy('queuedAt').last();
  lastQueuedAt = Math.max(Date.now(), lastQueuedAt + 1, (newest?.queuedAt ?? 0) + 1);
  const pending: PendingSend = { clientMessageId, conversationId, senderId: me, content, queuedAt: lastQueuedAt, status: 'queued' };
  if (replyToSeq !== undefined) pending.replyToSeq = replyToSeq;
  if (attachments.length) pending.attachments = attachments;
  if (mentionedUserIds.length) pending.mentionedUserIds = mentionedUserIds;
  await db.outbox.put(pending);
  return pending;
}

/** The oldest send still to deliver (queued, or left "sending" by a page that went away), or undefined. */
export async function nextToDeliver(db: ChatDatabase): Promise<PendingSend | undefined> {
  return db.outbox
    .orderBy('queuedAt')
    .filter((p) => p.status === 'queued' || p.status === 'sending')
    .first();
}

export type SendResult =
  | { kind: 'stored'; message: Message }
  | { kind: 'accepted' }
  | { kind: 'refused'; reason: string }
  | { kind: 'retry-later' };

/** Records how a delivery attempt ended. */
export async function settleSend(db: ChatDatabase, pending: PendingSend, result: SendResult, me: string): Promise<void> {
  switch (result.kind) {
    case 'stored':
      await applyMessage(db, result.message, me);
      await db.outbox.delete(pending.clientMessageId);
      return;
    case 'accepted':
      await db.outbox.update(pending.clientMessageId, { status: 'accepted' });
      return;
    case 'refused':
      await db.outbox.update(pending.clientMessageId, { status: 'failed', error: result.reason });
      return;
    case 'retry-later':
      await db.outbox.update(pending.clientMessageId, { status: 'queued' });
      return;
  }
}

/** A conversation's thread as shown: stored messages by seq, then this user's unconfirmed sends in queue order. */
export async function thread(
  db: ChatDatabase,
  conversationId: string,
): Promise<{ messages: Message[]; pending: PendingSend[] }> {
  const [messages, pending] = await Promise.all([
    db.messages.where('[conversationId+seq]').between([conversationId, -Infinity], [conversationId, Infinity]).toArray(),
    db.outbox.where('conversationId').equals(conversationId).sortBy('queuedAt'),
  ]);
  // Idempotency is per sender: only my own message with the same clientMessageId confirms my send.
  const confirmed = new Set(messages.filter((m) => m.clientMessageId).map((m) => `${m.senderId}:${m.clientMessageId}`));
  return { messages, pending: pending.filter((p) => !confirmed.has(`${p.senderId}:${p.clientMessageId}`)) };
}
