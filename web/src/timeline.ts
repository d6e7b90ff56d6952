import { dayKey, dayLabel, type Clock } from './time';
import type { Message } from './types';

/** Messages of one sender closer together than this read as one burst (one name, one tail). */
export const GROUP_WITHIN_MS = 5 * 60_000;

/** One row of the thread as drawn. */
export type Row =
  | { kind: 'day'; key: string; label: string }
  /** groupStart: shows the sender's name; groupEnd: shows the bubble's tail and time. */
  | { kind: 'message'; key: string; message: Message; groupStart: boolean; groupEnd: boolean }
  /** A session's status change as one quiet line; `live` on the latest line of that session, where its card goes. */
  | { kind: 'status'; key: string; message: Message; sessionId: string; live: boolean };

/** The session a system message reports a status change of (docs/sessions-and-requests.md, system messages). */
export function sessionOf(message: Message): string | undefined {
  if (message.type !== 'system') return undefined;
  const action = message.actions?.find((a) => a.type === 'session');
  return action?.type === 'session' ? action.sessionId : undefined;
}

/**
 * The thread's rows, messages in seq order: a date separator before the first message of each day (in the viewer's
 * zone), consecutive messages of one sender grouped, each session's status changes as quiet lines with the session's
 * one live card after the latest of them.
 */
export function timeline(messages: Message[], clock: Clock): Row[] {
  const latestLine = new Map<string, number>();
  for (const m of messages) {
    const sessionId = sessionOf(m);
    if (sessionId) latestLine.set(sessionId, m.seq);
  }
  const rows: Row[] = [];
  let day: string | undefined;
  let previous: Row | undefined;
  for (const m of messages) {
    const key = `${m.conversationId}:${m.seq}`;
    const thisDay = dayKey(m.timestamp, clock);
    if (thisDay !== day) {
      day = thisDay;
      rows.push({ kind: 'day', key: `day:${thisDay}`, label: dayLabel(m.timestamp, clock) });
      previous = undefined;
    }
    const sessionId = sessionOf(m);
    let row: Row;
    if (sessionId) {
      row = { kind: 'status', key, message: m, sessionId, live: latestLine.get(sessionId) === m.seq };
    } else {
      const joins = previous?.kind === 'message' && continues(previous.message, m);
      if (joins && previous?.kind === 'message') previous.groupEnd = false;
      row = { kind: 'message', key, message: m, groupStart: !joins, groupEnd: true };
    }
    rows.push(row);
    previous = row;
  }
  return rows;
}

function continues(before: Message, after: Message): boolean {
  return (
    before.senderId === after.senderId &&
    before.type !== 'system' &&
    after.type !== 'system' &&
    before.type === after.type &&
    Date.parse(after.timestamp) - Date.parse(before.timestamp) < GROUP_WITHIN_MS
  );
}
