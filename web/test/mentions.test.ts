import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatDatabase } from '../src/db';
import { encodeMentions, insertMention, mentionCandidates } from '../src/mentionPicking';
import { attachmentLabel, mentionParts, mentionQuery, mentionWaiting, quoteText, readableText } from '../src/mentions';
import { applyFrame, mergeConversation, newDirectConversation } from '../src/sync';
import type { Attachment, Conversation, Message, Participant } from '../src/types';

const ME = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const ANN = '33333333-3333-4333-8333-333333333333';
const C1 = 'c0000000-0000-4000-8000-000000000001';

const members: Participant[] = [
  { userId: ME, displayName: 'Me Myself' },
  { userId: BOB, displayName: 'Bob Stone' },
  { userId: ANN, displayName: 'Ann Lee' },
];
const names: Record<string, string> = { [ME]: 'Me Myself', [BOB]: 'Bob Stone', [ANN]: 'Ann Lee' };

const photo: Attachment = { attachmentId: 'a1', name: 'IMG_0001.jpg', contentType: 'image/jpeg', sizeBytes: 10, width: 4, height: 3, thumbnail: true };
const pdf: Attachment = { attachmentId: 'a2', name: 'report.pdf', contentType: 'application/pdf', sizeBytes: 10, thumbnail: false };

describe('a quote of a message without text says what it carried', () => {
  it('names a photo as a photo and a file by its name', () => {
    expect(quoteText({ content: '', attachments: [photo] })).toBe('📷 Photo');
    expect(quoteText({ content: '', attachments: [pdf] })).toBe('📎 report.pdf');
    expect(quoteText({ content: '', attachments: [pdf, photo] })).toBe('📎 report.pdf +1');
  });

  it('keeps the text of a message that has one, and is empty for nothing at all', () => {
    expect(quoteText({ content: 'see attached', attachments: [pdf] })).toBe('see attached');
    expect(quoteText({ content: null })).toBe('');
    expect(attachmentLabel(undefined)).toBe('');
  });
});

describe('mentions', () => {
  it('offers the other members whose name has a word starting with what follows the @, by name', () => {
    const query = mentionQuery('hi @an', 6)!;
    expect(query).toEqual({ start: 3, query: 'an' });
    expect(mentionCandidates(members, ME, query.query).map((c) => c.userId)).toEqual([ANN]);
    expect(mentionCandidates(members, ME, '').map((c) => c.userId)).toEqual([ANN, BOB]);
    expect(mentionCandidates(members, ME, 'me')).toEqual([]);
  });

  it('starts a mention only at a word start (an e-mail address is no mention)', () => {
    expect(mentionQuery('mail bob@example.org', 20)).toBeUndefined();
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('@bob and more', 13)).toBeUndefined();
  });

  it('sends picked names as tokens and only the ids still written', () => {
    const typed = insertMention('ask @a', 4, 6, 'Ann Lee');
    expect(typed).toEqual({ text: 'ask @Ann Lee ', caret: 13 });
    const sent = encodeMentions(`${typed.text}and @Bob Stone, not Bob`, [
      { userId: ANN, name: 'Ann Lee' },
      { userId: BOB, name: 'Bob Stone' },
      { userId: ME, name: 'Me Myself' },
    ]);
    expect(sent.content).toBe(`ask <@${ANN}> and <@${BOB}>, not Bob`);
    expect(sent.mentionedUserIds.sort()).toEqual([BOB, ANN].sort());
  });

  it('prefers the longer of two names that start alike', () => {
    const sent = encodeMentions('@Ann Lee and @Ann', [
      { userId: BOB, name: 'Ann' },
      { userId: ANN, name: 'Ann Lee' },
    ]);
    expect(sent.content).toBe(`<@${ANN}> and <@${BOB}>`);
  });

  it('renders tokens by the current name, so a rename shows at once', () => {
    const content = `thanks <@${BOB}>!`;
    expect(mentionParts(content)).toEqual([{ text: 'thanks ' }, { userId: BOB }, { text: '!' }]);
    expect(readableText(content, (id) => names[id]!)).toBe('thanks @Bob Stone!');
    expect(readableText(content, () => 'Robert')).toBe('thanks @Robert!');
  });

  it('marks a conversation while a mention is above the read position', () => {
    expect(mentionWaiting({ mentionSeq: 5, lastReadSeq: 4 })).toBe(true);
    expect(mentionWaiting({ mentionSeq: 5, lastReadSeq: 5 })).toBe(false);
    expect(mentionWaiting({ lastReadSeq: 0 })).toBe(false);
  });
});

describe('the mention mark in the cache', () => {
  let db: ChatDatabase;
  beforeEach(() => {
    db = new ChatDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function group(): Conversation {
    return { ...newDirectConversation(C1, [members[0]!, members[1]!], '2026-01-01T12:00:00Z'), type: 'group', participants: members };
  }

  function message(seq: number, mentionedUserIds: string[]): Message {
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
      mentionedUserIds,
    };
  }

  it('moves to a live message that mentions the viewer, not to one that mentions someone else', async () => {
    await db.conversations.put(group());
    await applyFrame(db, { type: 'message.new', message: message(1, [ME]) }, ME);
    await applyFrame(db, { type: 'message.new', message: message(2, [ANN]) }, ME);
    const stored = (await db.conversations.get(C1))!;
    expect(stored.mentionSeq).toBe(1);
    expect(mentionWaiting(stored)).toBe(true);
  });

  it('comes from a mentioning message that arrived before its conversation did', async () => {
    await applyFrame(db, { type: 'message.new', message: message(1, [ME]) }, ME);
    await applyFrame(db, { type: 'conversation', conversation: group() }, ME);
    expect((await db.conversations.get(C1))!.mentionSeq).toBe(1);
  });

  it('never moves back when an older conversation row arrives by sync', () => {
    const held = { ...group(), mentionSeq: 7 };
    expect(mergeConversation(held, { ...group(), mentionSeq: 3 }).mentionSeq).toBe(7);
    expect(mergeConversation({ ...group(), mentionSeq: 3 }, held).mentionSeq).toBe(7);
  });
});
