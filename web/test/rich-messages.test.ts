import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatDatabase } from '../src/db';
import { applyFrame, mergeConversation, mergeMessage, newDirectConversation, seenBy, withReaction } from '../src/sync';
import type { Conversation, Message, Participant } from '../src/types';

const ME = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const C1 = 'c0000000-0000-4000-8000-000000000001';

function message(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `m-${seq}`,
    conversationId: C1,
    seq,
    senderId: ME,
    clientMessageId: `cm-${seq}`,
    content: `message ${seq}`,
    timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
    type: 'text',
    actions: [],
    ...over,
  };
}

function conversation(bobSeen = 0): Conversation {
  const participants: [Participant, Participant] = [
    { userId: ME, displayName: 'Me', seenSeq: 0 },
    { userId: BOB, displayName: 'Bob', seenSeq: bobSeen },
  ];
  return newDirectConversation(C1, participants, '2026-01-01T12:00:00Z');
}

let db: ChatDatabase;

beforeEach(() => {
  db = new ChatDatabase(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('reactions', () => {
  it('take the absolute users of the frame, and an emoji nobody holds any more disappears', () => {
    const liked = withReaction(undefined, '👍', [BOB]);
    const both = withReaction(liked, '👍', [BOB, ME]);
    const gone = withReaction(both, '👍', []);

    expect(liked).toEqual({ '👍': [BOB] });
    expect(both).toEqual({ '👍': [BOB, ME] });
    expect(gone).toEqual({});
  });

  it('applied twice (a redelivered frame) leave the message as applying once does', async () => {
    await db.messages.put(message(1));
    const frame = { type: 'message.reacted' as const, conversationId: C1, seq: 1, emoji: '🎉', userIds: [BOB], userId: BOB, active: true };

    await applyFrame(db, frame, ME);
    await applyFrame(db, frame, ME);

    expect((await db.messages.get([C1, 1]))!.reactions).toEqual({ '🎉': [BOB] });
  });

  it('survive a live copy of the message that carries none', () => {
    const stored = message(1, { reactions: { '👍': [BOB] } });

    expect(mergeMessage(stored, message(1)).reactions).toEqual({ '👍': [BOB] });
  });
});

describe('read receipts', () => {
  it('a receipt frame moves the member forward and an older one never moves them back', async () => {
    await db.conversations.put(conversation());

    await applyFrame(db, { type: 'receipt', conversationId: C1, userId: BOB, seq: 3 }, ME);
    await applyFrame(db, { type: 'receipt', conversationId: C1, userId: BOB, seq: 2 }, ME);

    const bob = (await db.conversations.get(C1))!.participants.find((p) => p.userId === BOB)!;
    expect(bob.seenSeq).toBe(3);
  });

  it('a stale conversation row from sync does not take "Seen" back', () => {
    const merged = mergeConversation(conversation(5), conversation(2));

    expect(merged.participants.find((p) => p.userId === BOB)!.seenSeq).toBe(5);
  });

  it('counts the others who reached a seq, never the viewer', () => {
    const participants = [
      { userId: ME, displayName: 'Me', seenSeq: 9 },
      { userId: BOB, displayName: 'Bob', seenSeq: 4 },
      { userId: 'carol', displayName: 'Carol', seenSeq: 2 },
    ];

    expect(seenBy(participants, 3, ME).map((p) => p.userId)).toEqual([BOB]);
    expect(seenBy(participants, 2, ME)).toHaveLength(2);
    expect(seenBy(participants, 5, ME)).toHaveLength(0);
  });
});
