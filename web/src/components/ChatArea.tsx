import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { timeline } from '../timeline';
import { viewerClock } from '../time';
import { seenBy } from '../sync';
import type { Message, Participant, PendingSend, QuotedMessage, SessionStatus } from '../types';
import { MessageBubble, PendingBubble, StatusLine } from './MessageBubble';
import type { MessageHandlers } from './MessageTools';
import { SessionCard } from './SessionCard';

/** Closer to the bottom than this counts as reading the newest message (and the view follows new ones). */
const PINNED_WITHIN_PX = 48;
/** Closer to the top than this fetches the page before. */
const LOAD_EARLIER_WITHIN_PX = 400;

interface Snapshot {
  firstKey: string | undefined;
  count: number;
  lastKey: string | undefined;
  scrollHeight: number;
}

/**
 * The thread, as a messenger reads: it opens at the newest message and follows new ones while the reader is at the
 * bottom; a reader who scrolled up stays put and gets a "new messages" pill instead. Scrolling near the top loads the
 * page before, and what was on screen stays where it was (the added height is added to the scroll position).
 */
export function ChatArea(props: {
  me: string;
  messages: Message[];
  pending: PendingSend[];
  participants: Participant[];
  canLoadEarlier: boolean;
  /** Resolves to how many messages it added. */
  onLoadEarlier: () => Promise<number>;
  onRetry: (clientMessageId: string) => void;
  handlers: MessageHandlers;
  /** A direct conversation says "Seen", a group "Seen by N". */
  group: boolean;
  /** A message to bring into view and mark for a moment (a search hit). */
  highlightSeq?: number;
}) {
  const { messages, pending, canLoadEarlier, onLoadEarlier } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const snapshot = useRef<Snapshot>(undefined);
  const [loading, setLoading] = useState(false);
  // A page that added nothing means the server has no more (a gap it cannot fill): stop asking.
  const [ended, setEnded] = useState(false);
  const [unseen, setUnseen] = useState(0);
  const rows = useMemo(() => timeline(messages, viewerClock()), [messages]);

  const firstKey = messages[0] ? `${messages[0].seq}` : undefined;
  const count = messages.length;
  const lastMessage = messages.at(-1);
  const lastPending = pending.at(-1);
  const lastKey = lastPending ? `p:${lastPending.clientMessageId}` : lastMessage ? `${lastMessage.seq}` : undefined;
  const lastIsMine = !!lastPending || lastMessage?.senderId === props.me;

  function toBottom() {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    pinned.current = true;
    setUnseen(0);
  }

  // Before paint: keep the reading position when older messages were added above, follow new ones when pinned.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = snapshot.current;
    snapshot.current = { firstKey, count, lastKey, scrollHeight: el.scrollHeight };
    if (!before || before.lastKey === undefined) {
      toBottom();
    } else if (before.lastKey === lastKey && (before.firstKey !== firstKey || before.count !== count)) {
      // A page of history is written a message at a time: each render may add some above what is on screen.
      el.scrollTop += el.scrollHeight - before.scrollHeight;
    } else if (before.lastKey !== lastKey) {
      if (pinned.current || lastIsMine) toBottom();
      else setUnseen((n) => n + 1);
    }
  }, [firstKey, count, lastKey, lastIsMine]);

  // Content that grows after it rendered (a card filled in, the typing line), and a thread that shrinks (a banner shown
  // above it, a phone's keyboard), keep a pinned reader at the bottom.
  useEffect(() => {
    const el = scroller.current;
    const content = list.current;
    if (!el || !content || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (pinned.current) el.scrollTop = el.scrollHeight;
      if (snapshot.current) snapshot.current.scrollHeight = el.scrollHeight;
    });
    observer.observe(content);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  async function loadEarlier() {
    if (loading || ended || !canLoadEarlier) return;
    setLoading(true);
    try {
      if ((await onLoadEarlier()) === 0) setEnded(true);
    } catch {
      setEnded(true); // offline or refused: the button stays for a manual retry
    } finally {
      setLoading(false);
    }
  }

  // A first page shorter than the screen cannot be scrolled up: fetch more until it fills it (or the history ends).
  useEffect(() => {
    const el = scroller.current;
    if (el && canLoadEarlier && !loading && !ended && el.scrollHeight <= el.clientHeight) void loadEarlier();
  });

  function onScroll() {
    const el = scroller.current!;
    pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < PINNED_WITHIN_PX;
    if (pinned.current && unseen) setUnseen(0);
    if (el.scrollTop < LOAD_EARLIER_WITHIN_PX) void loadEarlier();
  }

  // Bring a requested message into view once it is rendered; the reader is then no longer at the bottom.
  const { highlightSeq } = props;
  useEffect(() => {
    if (highlightSeq === undefined) return;
    const el = list.current?.querySelector<HTMLElement>(`[data-seq="${highlightSeq}"]`);
    if (!el) return;
    pinned.current = false;
    el.scrollIntoView({ block: 'center' });
  }, [highlightSeq, count]);

  const memberName = (id: string) => props.participants.find((p) => p.userId === id)?.displayName ?? 'Someone';
  const nameOf = (id: string) => (id === props.me ? 'You' : memberName(id));
  const mentions = { nameOf: memberName, me: props.me };
  const bySeq = new Map(messages.map((m) => [m.seq, m]));
  const seen = seenLine(messages, props.participants, props.me, props.group);
  function quoteOf(message: Message) {
    if (message.replyToSeq === undefined) return undefined;
    const original = bySeq.get(message.replyToSeq);
    const quoted: QuotedMessage | undefined = original
      ? {
          seq: original.seq,
          senderId: original.senderId,
          content: original.deletedAt ? null : original.content,
          attachments: original.deletedAt ? [] : original.attachments,
          edited: !!original.editedAt,
          deleted: !!original.deletedAt,
        }
      : (message.replyTo ?? undefined);
    const target = message.replyToSeq;
    return {
      quoted,
      senderName: quoted ? nameOf(quoted.senderId) : 'Earlier message',
      nameOf: memberName,
      onOpen: original
        ? () => list.current?.querySelector(`[data-seq="${target}"]`)?.scrollIntoView({ block: 'center' })
        : undefined,
    };
  }
  return (
    <div className="chat-area-wrap">
      <div
        ref={scroller}
        className="chat-area"
        role="log"
        aria-label="Messages"
        aria-live="polite"
        aria-busy={loading}
        tabIndex={0}
        onScroll={onScroll}
        data-testid="chat-area"
      >
        {canLoadEarlier && (
          <button
            className="quiet load-earlier"
            disabled={loading}
            onClick={() => {
              setEnded(false);
              void loadEarlier();
            }}
          >
            {loading ? 'Loading earlier messages…' : 'Load earlier messages'}
          </button>
        )}
        <ol className="messages" ref={list}>
          {/* One flat list of keyed rows: the live session card keeps its key as it moves below a newer status line, so
              React moves it instead of mounting it again (which would close a panel open in it). */}
          {rows.flatMap((row) => {
            switch (row.kind) {
              case 'day':
                return [
                  <li key={row.key} className="day-separator" data-testid="day-separator">
                    <span>{row.label}</span>
                  </li>,
                ];
              case 'status': {
                const line = <StatusLine key={row.key} message={row.message} />;
                return row.live
                  ? [
                      line,
                      <li key={`card:${row.sessionId}`} className="session-card-row">
                        <SessionCard sessionId={row.sessionId} reported={reportedStatus(row.message)} />
                      </li>,
                    ]
                  : [line];
              }
              default:
                return [
                  <MessageBubble
                    key={row.key}
                    message={row.message}
                    mine={row.message.senderId === props.me}
                    senderName={nameOf(row.message.senderId)}
                    groupStart={row.groupStart}
                    groupEnd={row.groupEnd}
                    extras={{
                      me: props.me,
                      handlers: props.handlers,
                      quote: quoteOf(row.message),
                      seen: seen?.seq === row.message.seq ? seen.label : undefined,
                      highlighted: row.message.seq === highlightSeq,
                      mentions,
                    }}
                  />,
                ];
            }
          })}
          {pending.map((p) => (
            <PendingBubble key={p.clientMessageId} pending={p} onRetry={props.onRetry} />
          ))}
        </ol>
      </div>
      {unseen > 0 && (
        <button className="new-messages primary" data-testid="new-messages" onClick={toBottom}>
          {unseen === 1 ? '1 new message' : `${unseen} new messages`} ↓
        </button>
      )}
    </div>
  );
}

/**
 * Where "Seen" goes: under the viewer's latest message that another member has read up to, saying "Seen" in a direct
 * conversation and "Seen by N" in a group.
 */
function seenLine(messages: Message[], participants: Participant[], me: string, group: boolean) {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.senderId !== me || message.deletedAt) continue;
    const readers = seenBy(participants, message.seq, me);
    if (readers.length === 0) continue;
    return { seq: message.seq, label: group ? `Seen by ${readers.length}` : 'Seen' };
  }
  return undefined;
}

function reportedStatus(message: Message): SessionStatus | undefined {
  const action = message.actions.find((a) => a.type === 'session');
  return action?.type === 'session' ? action.status : undefined;
}
