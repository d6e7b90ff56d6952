import { describe, expect, it } from 'vitest';
import { dismiss, visibleAnnouncements, withLive } from '../src/announcements';
import type { Announcement, MetricsSnapshot } from '../src/endpoints';
import { linkify, safeHref } from '../src/links';
import { appendSample, humanLabel } from '../src/metricsHistory';
import { clockTime, dayLabel, localTimes, sessionTime } from '../src/time';
import { timeline, type Row } from '../src/timeline';
import type { Message } from '../src/types';

const ALICE = 'a';
const HANK = 'h';

function message(seq: number, senderId: string, timestamp: string, extra: Partial<Message> = {}): Message {
  return { id: `m${seq}`, conversationId: 'c', seq, senderId, clientMessageId: null, content: `m${seq}`, timestamp, type: 'text', actions: [], ...extra };
}

function status(seq: number, timestamp: string, sessionId: string, s: 'requested' | 'accepted' | 'confirmed'): Message {
  return message(seq, HANK, timestamp, { type: 'system', content: `Session ${s}`, actions: [{ type: 'session', sessionId, status: s }] });
}

const shape = (rows: Row[]) =>
  rows.map((r) => (r.kind === 'day' ? `day ${r.label}` : r.kind === 'status' ? `status ${r.message.seq}${r.live ? ' live' : ''}` : `${r.message.seq}${r.groupStart ? ' start' : ''}${r.groupEnd ? ' end' : ''}`));

describe('the thread as drawn (timeline)', () => {
  const clock = { now: new Date('2026-12-07T12:00:00Z'), timeZone: 'UTC', locale: 'en-GB' };

  it('groups consecutive messages of one sender within five minutes, and starts a new group otherwise', () => {
    const rows = timeline(
      [
        message(1, ALICE, '2026-12-07T10:00:00Z'),
        message(2, ALICE, '2026-12-07T10:04:00Z'),
        message(3, HANK, '2026-12-07T10:05:00Z'),
        message(4, HANK, '2026-12-07T10:11:00Z'),
      ],
      clock,
    );
    expect(shape(rows)).toEqual(['day Today', '1 start', '2 end', '3 start end', '4 start end']);
  });

  it('puts a separator before each day in the viewer’s zone, not UTC', () => {
    const messages = [message(1, ALICE, '2026-12-06T22:58:00Z'), message(2, ALICE, '2026-12-06T23:02:00Z')];
    expect(shape(timeline(messages, clock))).toEqual(['day Yesterday', '1 start', '2 end']);
    // In Berlin (UTC+1) the second message is already on the 7th: two days, and the group breaks at midnight.
    expect(shape(timeline(messages, { ...clock, timeZone: 'Europe/Berlin' }))).toEqual(['day Yesterday', '1 start end', 'day Today', '2 start end']);
  });

  it('names older days by weekday within the week, by date before that', () => {
    expect(dayLabel('2026-12-03T10:00:00Z', clock)).toBe('Thursday');
    expect(dayLabel('2026-11-20T10:00:00Z', clock)).toBe('Fri 20 November');
    expect(dayLabel('2025-11-20T10:00:00Z', clock)).toBe('Thu, 20 November 2025');
  });

  it('turns session status messages into quiet lines with one live card after the latest of each session', () => {
    const rows = timeline(
      [
        status(1, '2026-12-07T10:00:00Z', 's1', 'requested'),
        message(2, ALICE, '2026-12-07T10:01:00Z'),
        status(3, '2026-12-07T10:02:00Z', 's1', 'accepted'),
        status(4, '2026-12-07T10:02:00Z', 's1', 'confirmed'),
        status(5, '2026-12-07T10:03:00Z', 's2', 'requested'),
      ],
      clock,
    );
    expect(shape(rows)).toEqual(['day Today', 'status 1', '2 start end', 'status 3', 'status 4 live', 'status 5 live']);
  });

  it('never groups a message across a status line', () => {
    const rows = timeline(
      [message(1, ALICE, '2026-12-07T10:00:00Z'), status(2, '2026-12-07T10:00:30Z', 's1', 'requested'), message(3, ALICE, '2026-12-07T10:01:00Z')],
      clock,
    );
    expect(shape(rows)).toEqual(['day Today', '1 start end', 'status 2 live', '3 start end']);
  });
});

describe('times in the viewer’s zone', () => {
  it('writes a message time in the zone given', () => {
    expect(clockTime('2026-12-07T13:05:00Z', { timeZone: 'Asia/Tokyo', locale: 'en-GB' })).toBe('22:05');
  });

  it('names the zone of a session time', () => {
    expect(sessionTime('2026-12-08T14:00:00Z', { timeZone: 'America/New_York', locale: 'en-US' })).toBe('Tue, Dec 8, 9:00 AM EST');
  });

  it('shows the instants a status line was written with in the viewer’s zone, not as raw UTC', () => {
    const clock = { timeZone: 'America/New_York', locale: 'en-US' };
    expect(localTimes('Session requested: 30 min, 25.00 USD, paid, starts 2026-12-08T14:00:00Z', clock)).toBe(
      'Session requested: 30 min, 25.00 USD, paid, starts Tue, Dec 8, 9:00 AM EST',
    );
    expect(localTimes('Session accepted', clock)).toBe('Session accepted');
  });
});

describe('links in message text', () => {
  it('makes http(s) and www. links clickable and leaves trailing punctuation to the sentence', () => {
    expect(linkify('see https://example.com/a?b=1, or www.example.org.')).toEqual([
      { text: 'see ' },
      { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { text: ', or ' },
      { text: 'www.example.org', href: 'https://www.example.org/' },
      { text: '.' },
    ]);
  });

  it('keeps a closing bracket that belongs to the URL', () => {
    expect(linkify('https://en.wikipedia.org/wiki/Go_(game)')[0]).toEqual({
      text: 'https://en.wikipedia.org/wiki/Go_(game)',
      href: 'https://en.wikipedia.org/wiki/Go_(game)',
    });
  });

  it('never links another scheme', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd']) {
      expect(linkify(text).some((p) => 'href' in p)).toBe(false);
    }
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('http://')).toBeUndefined();
  });

  it('gives plain text back unchanged', () => {
    expect(linkify('no links here')).toEqual([{ text: 'no links here' }]);
    expect(linkify('')).toEqual([]);
  });
});

describe('announcements', () => {
  const a = (id: string, publishedAt: string): Announcement => ({ announcementId: id, authorId: 'x', message: id, level: 'info', publishedAt });

  it('shows the ones not dismissed, newest first, once each', () => {
    const items = [a('1', '2026-12-01T00:00:00Z'), a('2', '2026-12-02T00:00:00Z'), a('2', '2026-12-02T00:00:00Z')];
    expect(visibleAnnouncements(items, ['1']).map((x) => x.announcementId)).toEqual(['2']);
    expect(visibleAnnouncements(withLive({ items }, a('3', '2026-12-03T00:00:00Z')).items, undefined).map((x) => x.announcementId)).toEqual(['3', '2', '1']);
  });

  it('remembers a bounded number of dismissals, the newest kept', () => {
    let dismissed: string[] = [];
    for (let i = 0; i < 60; i++) dismissed = dismiss(dismissed, String(i));
    expect(dismissed).toHaveLength(50);
    expect(dismissed.at(-1)).toBe('59');
    expect(dismiss(['1', '2'], '1')).toEqual(['2', '1']);
  });
});

describe('admin metrics history', () => {
  const snapshot = (asOf: string, messagesPerMinute: number): MetricsSnapshot => ({
    asOf,
    intervalSeconds: 5,
    messagesPerMinute,
    messagesLastFullMinute: 0,
    activeConversations: 1,
    activeWindowMinutes: 15,
    sessionsByStatus: {},
    requestsPending: 0,
    sam: { queueDepth: 0, latencyP50Ms: null, latencyP95Ms: null, latencySamples: 0 },
    revenue24h: {},
  });

  it('adds a sample per new snapshot, ignores a refetch of the same one, keeps the latest within the limit', () => {
    let history = appendSample([], snapshot('2026-12-07T10:00:05Z', 3));
    history = appendSample(history, snapshot('2026-12-07T10:00:05Z', 3));
    history = appendSample(history, snapshot('2026-12-07T10:00:10Z', 7));
    expect(history.map((s) => s.messagesPerMinute)).toEqual([3, 7]);
    expect(appendSample(history, snapshot('2026-12-07T10:00:15Z', 9), 2).map((s) => s.messagesPerMinute)).toEqual([7, 9]);
  });

  it('labels keys in words', () => {
    expect(humanLabel('awaiting_payment')).toBe('Awaiting payment');
    expect(humanLabel('inProgress')).toBe('In progress');
  });
});
