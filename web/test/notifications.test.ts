import { describe, expect, it } from 'vitest';
import type { AppNotification, NotificationPage } from '../src/endpoints';
import { freshUnread, fromSync, markedRead, titleFor, withMute } from '../src/notifications';
import type { NotificationPreferences } from '../src/endpoints';

const item = (id: string, readAt: string | null = null): AppNotification => ({
  id,
  kind: 'session.requested',
  title: `title ${id}`,
  body: '',
  link: '/#/sessions',
  conversationId: null,
  createdAt: '2027-01-01T10:00:00Z',
  readAt,
});

const page = (items: AppNotification[], unreadCount: number): NotificationPage => ({ items, unreadCount, nextCursor: null });

describe('notifications', () => {
  it('takes the bell from a sync answer: its items and unread count, no further page', () => {
    const page = fromSync({ unreadCount: 4, items: [] });
    expect(page).toEqual({ items: [], unreadCount: 4, nextCursor: null });
  });

  it('marking read lowers the count by the unread ones only, and all empties it', () => {
    const before = page([item('a'), item('b'), item('c', '2027-01-01T11:00:00Z')], 2);
    const one = markedRead(before, ['a', 'c'], 'now');
    expect(one.unreadCount).toBe(1);
    expect(one.items.map((n) => n.readAt)).toEqual(['now', null, '2027-01-01T11:00:00Z']);
    expect(markedRead(before, 'all', 'now').unreadCount).toBe(0);
  });

  it('the hidden tab title carries the unread total', () => {
    expect(titleFor(0)).toBe('HumanChat');
    expect(titleFor(4)).toBe('(4) HumanChat');
  });

  it('only unread notifications not seen before are news', () => {
    expect(freshUnread([item('a'), item('b'), item('c', 'then')], new Set(['a'])).map((n) => n.id)).toEqual(['b']);
  });

  it('mutes a conversation once and unmutes it, keeping the other mutes and preferences', () => {
    const prefs: NotificationPreferences = {
      emailEnabled: true,
      pushEnabled: true,
      emailDigest: 'batched',
      quietHours: null,
      timeZone: 'UTC',
      mutedConversationIds: ['other'],
    };
    const muted = withMute(withMute(prefs, 'c1', true), 'c1', true);
    expect(muted.mutedConversationIds).toEqual(['other', 'c1']);
    expect(muted.emailDigest).toBe('batched');
    expect(withMute(muted, 'c1', false).mutedConversationIds).toEqual(['other']);
  });
});
