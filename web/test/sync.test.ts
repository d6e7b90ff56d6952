import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatDatabase, SYNC_CURSOR, SYNCED_NOTIFICATIONS } from '../src/db';
import {
  applyFrame,
  applySyncPage,
  mergeConversation,
  newDirectConversation,
  newerUnread,
  nextToDeliver,
  queueSend,
  settleSend,
  thread,
} from '../src/sync';
import type { Conversation, Message, Participant, Session } from '../src/types';

const ME = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const C1 = 'c0000000-0000-4000-8000-000000000001';

function message(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `m-${seq}`,
    conversationId: C1,
    seq,
    senderId: BOB,
    clientMessageId: `cm-${seq}`,
    content: `message ${seq}`,
    timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
    type: 'text',
    actions: [],
    ...over,
  };
}

function conversation(over: Partial<Conversation> = {}): Conversation {
  const participants: [Participant, Participant] = [
    { userId: ME, displayName: 'Me' },
    { userId: BOB, displayName: 'Bob' },
  ];
  return { ...newDirectConversation(C1, participants, '2026-01-01T12:00:00Z'), ...over };
}

/** Session s1: a free 30-minute session between me (guest) and Bob in C1, requested at 12:00. */
function freeSession(over: Partial<Session>): Session {
  return {
    sessionId: 's1',
    guestUserId: ME,
    hostUserId: BOB,
    conversationId: C1,
    startTime: null,
    durationMinutes: 30,
    agreedPrice: { amountCents: 0, currency: 'usd' },
    paymentMode: 'free',
    status: 'requested',
    requestedAt: '2026-01-01T12:00:00Z',
    updatedAt: '2026-01-01T12:00:00Z',
    ...over,
  };
}

function unread(unreadCount: number, asOfSeq: number, asOfReadSeq: number, totalUnread = unreadCount) {
  return {
    type: 'unread' as const,
    conversationId: C1,
    unreadCount,
    totalUnread,
    unreadAsOfSeq: asOfSeq,
    unreadAsOfReadSeq: asOfReadSeq,
  };
}

let db: ChatDatabase;

beforeEach(async () => {
  db = new ChatDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

describe('applySyncPage', () => {
  it('stores a snapshot and only then its cursor', async () => {
    const session = freeSession({ status: 'requested', updatedAt: '2026-01-01T12:00:00Z' });
    await applySyncPage(
      db,
      {
        items: [
          {
            type: 'conversation',
            conversation: conversation({ lastSeq: 2, unreadCount: 2, unreadAsOfSeq: 2, lastMessage: message(2) }),
          },
          { type: 'message.new', message: message(1) },
          { type: 'message.new', message: message(2) },
          unread(2, 2, 0, 5),
          { type: 'session.updated', session },
        ],
        nextCursor: 'cursor-1',
        limited: false,
      },
      ME,
    );

    expect(await db.setting(SYNC_CURSOR)).toBe('cursor-1');
    expect((await db.messages.toArray()).map((m) => m.seq)).toEqual([1, 2]);
    expect((await db.conversations.get(C1))?.unreadCount).toBe(2);
    expect((await db.sessions.get('s1'))?.status).toBe('requested');
  });

  it('keeps the notifications a page carries for a reload without a network', async () => {
    const notifications = {
      unreadCount: 1,
      items: [
        {
          id: 'n1',
          kind: 'session.requested',
          title: 'Bob requested a session',
          body: '30 minutes',
          link: '/#/sessions',
          conversationId: null,
          createdAt: '2026-01-01T12:00:00Z',
          readAt: null,
        },
      ],
    };
    await applySyncPage(db, { items: [], nextCursor: 'cursor-2', limited: false, notifications }, ME);

    expect(await db.setting(SYNCED_NOTIFICATIONS)).toEqual(notifications);
  });

  it('keeps the old cursor when applying the page fails', async () => {
    await db.putSetting(SYNC_CURSOR, 'cursor-0');
    const broken = { type: 'message.new', message: { ...message(1), seq: undefined } } as never;

    await expect(applySyncPage(db, { items: [broken], nextCursor: 'cursor-1', limited: false }, ME)).rejects.toThrow();

    expect(await db.setting(SYNC_CURSOR)).toBe('cursor-0');
  });
});

describe('messages', () => {
  it('stores a message seen twice (sync and socket) once', async () => {
    await applyFrame(db, { type: 'conversation', conversation: conversation() }, ME);

    await applyFrame(db, { type: 'message.new', message: message(1) }, ME);
    await applyFrame(db, { type: 'message.new', message: message(1) }, ME);

    expect(await db.messages.count()).toBe(1);
    const c = await db.conversations.get(C1);
    expect(c?.lastSeq).toBe(1);
    expect(c?.lastMessage?.content).toBe('message 1');
  });

  it('shows messages in seq order whatever order they arrived in', async () => {
    await applyFrame(db, { type: 'conversation', conversation: conversation() }, ME);
    for (const seq of [3, 1, 2]) await applyFrame(db, { type: 'message.new', message: message(seq) }, ME);

    const shown = await thread(db, C1);

    expect(shown.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect((await db.conversations.get(C1))?.lastMessage?.seq).toBe(3);
  });

  it('reports a seq jump as a gap to fetch', async () => {
    await applyFrame(db, { type: 'conversation', conversation: conversation() }, ME);
    await applyFrame(db, { type: 'message.new', message: message(1) }, ME);

    const effect = await applyFrame(db, { type: 'message.new', message: message(4) }, ME);

    expect(effect.gap).toEqual({ conversationId: C1, afterSeq: 1, beforeSeq: 4 });
    expect((await applyFrame(db, { type: 'message.new', message: message(5) }, ME)).gap).toBeUndefined();
  });

  it('asks for a resync when a message names an unknown conversation', async () => {
    const effect = await applyFrame(db, { type: 'message.new', message: message(1) }, ME);

    expect(effect.unknownConversation).toBe(C1);
    expect(await db.messages.count()).toBe(1);
  });

  it('does not let a late duplicate undo an edit', async () => {
    await applyFrame(db, { type: 'conversation', conversation: conversation() }, ME);
    await applyFrame(db, { type: 'message.new', message: message(1) }, ME);
    await applyFrame(
      db,
      { type: 'message.edited', conversationId: C1, seq: 1, content: 'fixed', editorId: BOB, editedAt: '2026-01-01T13:00:00Z' },
      ME,
    );

    await applyFrame(db, { type: 'message.new', message: message(1) }, ME);

    expect((await db.messages.get([C1, 1]))?.content).toBe('fixed');
  });

  it('counts own messages as read', async () => {
    await applyFrame(db, { type: 'conversation', conversation: conversation() }, ME);

    await applyFrame(db, { type: 'message.new', message: message(1, { senderId: ME }) }, ME);

    expect((await db.conversations.get(C1))?.lastReadSeq).toBe(1);
  });
});

describe('conversations and unread', () => {
  it('keeps the newer side when a stale conversation row arrives after live frames', () => {
    const live = conversation({
      lastSeq: 5,
      unreadCount: 3,
      unreadAsOfSeq: 5,
      lastMessage: message(5),
      lastActivity: '2026-01-01T12:00:05Z',
    });
    const stale = conversation({
      lastSeq: 4,
      unreadCount: 2,
      unreadAsOfSeq: 4,
      lastMessage: message(4),
      lastActivity: '2026-01-01T12:00:04Z',
    });

    const merged = mergeConversation(live, stale);

    expect(merged.lastSeq).toBe(5);
    expect(merged.unreadCount).toBe(3);
    expect(merged.lastMessage?.seq).toBe(5);
    expect(merged.lastActivity).toBe('2026-01-01T12:00:05Z');
  });

  it('takes unread counts as absolute values', async () => {
    await applyFrame(db, { type: 'conversation', conversation: conversation({ unreadCount: 7, unreadAsOfSeq: 7 }) }, ME);

    await applyFrame(db, unread(1, 8, 7), ME);
    await applyFrame(db, unread(1, 8, 7), ME);

    expect((await db.conversations.get(C1))?.unreadCount).toBe(1);
    expect(await db.totalUnread()).toBe(1);
  });

  it('keeps a live count when a sync row brings a newer message but an older count', async () => {
    // The race the browser test hit: chat.events was projected (lastSeq 1) before chat.unread (count still 0).
    await applyFrame(db, { type: 'conversation', conversation: conversation() }, ME);
    await applyFrame(db, unread(1, 1, 0), ME);

    await applyFrame(
      db,
      { type: 'conversation', conversation: conversation({ lastSeq: 1, lastMessage: message(1), unreadCount: 0 }) },
      ME,
    );
    await applyFrame(db, unread(0, 0, 0), ME);

    const c = await db.conversations.get(C1);
    expect(c?.lastSeq).toBe(1);
    expect(c?.unreadCount).toBe(1);
    expect(await db.totalUnread()).toBe(1);
  });

  it('lets a later count replace an earlier one whichever path brings it', async () => {
    await applyFrame(db, { type: 'conversation', conversation: conversation({ unreadCount: 1, unreadAsOfSeq: 1 }) }, ME);

    await applyFrame(
      db,
      { type: 'conversation', conversation: conversation({ lastSeq: 2, unreadCount: 2, unreadAsOfSeq: 2 }) },
      ME,
    );
    expect((await db.conversations.get(C1))?.unreadCount).toBe(2);

    await applyFrame(db, unread(0, 2, 2), ME);
    expect((await db.conversations.get(C1))?.unreadCount).toBe(0);
  });

  it('does not bring a badge back with a count from before a local read, but does for a newer message', async () => {
    await applyFrame(db, { type: 'conversation', conversation: conversation({ lastSeq: 3, unreadCount: 3, unreadAsOfSeq: 3 }) }, ME);
    // what ConversationView writes when the user reads up to seq 3
    await db.conversations.update(C1, { lastReadSeq: 3, unreadCount: 0, unreadAsOfSeq: 3, unreadAsOfReadSeq: 3 });

    await applyFrame(db, unread(3, 3, 0), ME);
    expect((await db.conversations.get(C1))?.unreadCount).toBe(0);

    await applyFrame(db, unread(1, 4, 3), ME);
    expect((await db.conversations.get(C1))?.unreadCount).toBe(1);
  });

  it('orders counts by conversation seq, then by read position', () => {
    const at = (seq: number, read: number) => ({ unreadCount: seq - read, unreadAsOfSeq: seq, unreadAsOfReadSeq: read });
    expect(newerUnread(at(5, 2), at(4, 4))).toBe(true);
    expect(newerUnread(at(4, 4), at(5, 2))).toBe(false);
    expect(newerUnread(at(5, 3), at(5, 2))).toBe(true);
    expect(newerUnread(at(5, 2), at(5, 3))).toBe(false);
    expect(newerUnread(at(5, 2), at(5, 2))).toBe(true);
    expect(newerUnread(at(0, 0), undefined)).toBe(true);
  });

  it('ignores a session snapshot older than the stored one', async () => {
    const base = freeSession({ status: 'confirmed', updatedAt: '2026-01-01T12:05:00Z' });
    await applyFrame(db, { type: 'session.updated', session: base }, ME);

    await applyFrame(db, { type: 'session.updated', session: { ...base, status: 'requested', updatedAt: '2026-01-01T12:00:00Z' } }, ME);

    expect((await db.sessions.get('s1'))?.status).toBe('confirmed');
  });
});

describe('outbox', () => {
  it('delivers queued sends oldest first and skips those waiting for their seq', async () => {
    const first = await queueSend(db, C1, 'one', ME);
    const second = await queueSend(db, C1, 'two', ME);
    expect(second.queuedAt).toBeGreaterThan(first.queuedAt);

    expect((await nextToDeliver(db))?.content).toBe('one');
    await settleSend(db, first, { kind: 'accepted' }, ME);
    expect((await nextToDeliver(db))?.content).toBe('two');
  });

  it('keeps a send that could not reach the server queued, in place', async () => {
    const first = await queueSend(db, C1, 'one', ME);
    await queueSend(db, C1, 'two', ME);
    await db.outbox.update(first.clientMessageId, { status: 'sending' });

    await settleSend(db, first, { kind: 'retry-later' }, ME);

    expect((await nextToDeliver(db))?.clientMessageId).toBe(first.clientMessageId);
  });

  it('marks a refused send failed and stops delivering it', async () => {
    const first = await queueSend(db, C1, 'one', ME);

    await settleSend(db, first, { kind: 'refused', reason: 'not a member' }, ME);

    expect(await nextToDeliver(db)).toBeUndefined();
    expect((await db.outbox.get(first.clientMessageId))?.status).toBe('failed');
  });

  it('replaces a pending send by its message when the 201 answer comes', async () => {
    await applyFrame(db, { type: 'conversation', conversation: conversation() }, ME);
    const pending = await queueSend(db, C1, 'hello', ME);

    await settleSend(db, pending, { kind: 'stored', message: message(1, { senderId: ME, clientMessageId: pending.clientMessageId, content: 'hello' }) }, ME);

    const shown = await thread(db, C1);
    expect(shown.pending).toEqual([]);
    expect(shown.messages.map((m) => m.content)).toEqual(['hello']);
  });

  it('retires a pending send on message.ack, and its message.new shows it once', async () => {
    await applyFrame(db, { type: 'conversation', conversation: conversation() }, ME);
    const pending = await queueSend(db, C1, 'hello', ME);

    await applyFrame(db, { type: 'message.ack', clientMessageId: pending.clientMessageId, seq: 1, conversationId: C1, messageId: 'm-1' }, ME);
    await applyFrame(db, { type: 'message.new', message: message(1, { senderId: ME, clientMessageId: pending.clientMessageId, content: 'hello' }) }, ME);

    const shown = await thread(db, C1);
    expect(shown.pending).toEqual([]);
    expect(shown.messages).toHaveLength(1);
  });

  it('retires a pending send when its message arrives first (e.g. through sync after a reconnect)', async () => {
    await applyFrame(db, { type: 'conversation', conversation: conversation() }, ME);
    const pending = await queueSend(db, C1, 'hello', ME);
    await settleSend(db, pending, { kind: 'accepted' }, ME);

    await applySyncPage(
      db,
      { items: [{ type: 'message.new', message: message(1, { senderId: ME, clientMessageId: pending.clientMessageId, content: 'hello' }) }], nextCursor: 'c2', limited: false },
      ME,
    );

    expect(await db.outbox.count()).toBe(0);
  });

  it('does not retire my pending send when someone else used the same clientMessageId', async () => {
    await applyFrame(db, { type: 'conversation', conversation: conversation() }, ME);
    const pending = await queueSend(db, C1, 'hello', ME, 'same-id');

    await applyFrame(db, { type: 'message.new', message: message(1, { senderId: BOB, clientMessageId: 'same-id' }) }, ME);

    expect((await thread(db, C1)).pending.map((p) => p.clientMessageId)).toEqual([pending.clientMessageId]);
  });
});

describe('a conversation that arrives after its first live frames', () => {
  it('takes its latest message and unread count from the frames that came first', async () => {
    await applyFrame(db, { type: 'message.new', message: message(1) }, ME);
    await applyFrame(db, unread(1, 1, 0), ME);
    await applyFrame(db, unread(0, 0, 0), ME); // an older count, also before the conversation: not kept

    // the projection's row is still behind: no message yet
    await applyFrame(db, { type: 'conversation', conversation: conversation({ lastSeq: 0, unreadCount: 0 }) }, ME);

    const c = await db.conversations.get(C1);
    expect(c?.lastSeq).toBe(1);
    expect(c?.lastMessage?.content).toBe('message 1');
    expect(c?.unreadCount).toBe(1);
  });
});

describe('the unread total', () => {
  it('adds up every cached conversation but the muted ones', async () => {
    await db.conversations.bulkPut([
      conversation({ conversationId: 'c-open', unreadCount: 2 }),
      conversation({ conversationId: 'c-muted', unreadCount: 5 }),
    ]);
    expect(await db.totalUnread()).toBe(7);
    expect(await db.totalUnread(new Set(['c-muted']))).toBe(2);
  });
});
