import dynamic from 'next/dynamic';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { conversations, errorText } from '../endpoints';
import { useProfile } from '../queries';
import { conn, db, maybeConn } from '../services';
import { useUi } from '../store';
import { applyMessage, thread } from '../sync';
import { SAM_USER_ID, type Message } from '../types';
import { ChatArea } from './ChatArea';
import { Composer } from './Composer';
import { ErrorAlert } from './ErrorAlert';
import type { MessageHandlers } from './MessageTools';
import { conversationTitle, others } from './names';
import { PresenceDot } from './PresenceDot';
import { ReportButton } from './ReportButton';
import { TipButton } from './TipButton';
import { TypingIndicator } from './TypingIndicator';

// Opened from the header's button only: its own chunk, fetched on first use.
const BookingDialog = dynamic(() => import('./BookingDialog').then((m) => m.BookingDialog), { ssr: false });
// Blocking is rare: its button and notice are their own chunk too.
const MuteButton = dynamic(() => import('./MuteButton').then((m) => m.MuteButton), { ssr: false });
const BlockButton = dynamic(() => import('./BlockButton').then((m) => m.BlockButton), { ssr: false });
const BlockedNotice = dynamic(() => import('./BlockButton').then((m) => m.BlockedNotice), { ssr: false });

const HISTORY_PAGE = 50;

/** One conversation: header (peer, presence, booking), the chat area, who is typing, the composer. */
export function ConversationView({ conversationId, sam = false }: { conversationId: string; sam?: boolean }) {
  const me = useUi((s) => s.user!.id);
  const link = useUi((s) => s.link);
  const navigate = useUi((s) => s.navigate);
  const conversation = useLiveQuery(() => db.conversations.get(conversationId), [conversationId]);
  const shown = useLiveQuery(() => thread(db, conversationId), [conversationId]);
  const [booking, setBooking] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const setDraft = useUi((s) => s.setDraft);
  const jumpTo = useUi((s) => s.jumpTo);
  const highlightSeq = jumpTo?.conversationId === conversationId ? jumpTo.seq : undefined;
  const peer = conversation ? others(conversation, me)[0] : undefined;

  const peerProfile = useProfile(peer && peer.userId !== SAM_USER_ID ? peer.userId : undefined);

  // Opening a conversation whose latest messages are not cached (e.g. just created): fetch them, once per lastSeq.
  const lowest = shown?.messages[0]?.seq;
  const fetchedUpTo = useRef<number>(undefined);
  useEffect(() => {
    if (!conversation || shown === undefined || link !== 'online') return;
    if (shown.messages.length === 0 && conversation.lastSeq > 0 && fetchedUpTo.current !== conversation.lastSeq) {
      fetchedUpTo.current = conversation.lastSeq;
      void loadBefore(conversationId, conversation.lastSeq + 1, me);
    }
  }, [conversation, shown, link, conversationId, me]);

  // A search hit opened here: make sure its page of history is cached, so that it can be shown.
  useEffect(() => {
    if (highlightSeq === undefined || shown === undefined || link !== 'online') return;
    if (!shown.messages.some((m) => m.seq === highlightSeq)) void loadBefore(conversationId, highlightSeq + 1, me);
  }, [highlightSeq, shown, link, conversationId, me]);

  // Read up to the latest message while the conversation is on screen.
  useEffect(() => {
    if (!conversation || link !== 'online' || document.visibilityState !== 'visible') return;
    if (conversation.lastSeq > conversation.lastReadSeq || conversation.unreadCount > 0) {
      if (maybeConn()?.sendFrame({ type: 'read', conversationId, seq: conversation.lastSeq })) {
        // Counts computed before this read (an older as-of pair) can no longer bring the badge back.
        void db.conversations.update(conversationId, {
          lastReadSeq: conversation.lastSeq,
          unreadCount: 0,
          unreadAsOfSeq: conversation.lastSeq,
          unreadAsOfReadSeq: conversation.lastSeq,
        });
      }
    }
  }, [conversation, conversationId, link]);

  /** Runs a change to a message; the socket's frame updates the thread, a refusal is shown above the composer. */
  function change(work: () => Promise<unknown>) {
    setActionError(undefined);
    work().catch((e: unknown) => setActionError(errorText(e)));
  }
  const handlers: MessageHandlers = {
    onReply: (m: Message) => setDraft({ conversationId, mode: 'reply', seq: m.seq }),
    onEdit: (m: Message) => setDraft({ conversationId, mode: 'edit', seq: m.seq, text: m.content }),
    onDelete: (m: Message) => {
      if (window.confirm('Delete this message for everyone?')) change(() => conversations.remove(conversationId, m.seq));
    },
    onReact: (m: Message, emoji: string, active: boolean) =>
      change(() => conversations.react(conversationId, m.seq, emoji, active)),
  };

  if (conversation === undefined) return <div className="empty-state">Loading…</div>;
  if (conversation === null) return <div className="empty-state">This conversation is not here (yet).</div>;

  const title = sam ? 'Sam' : conversationTitle(conversation, me);
  const canBook = !sam && peerProfile?.roles.includes('host');
  // Someone to block or report: the other person of a direct conversation (never Sam).
  const direct = !sam && conversation.type === 'direct' && peer?.userId !== SAM_USER_ID;
  return (
    <section className="conversation" aria-label={`Conversation with ${title}`}>
      <header className="conversation-header">
        <button className="back quiet" aria-label="Back to conversations" onClick={() => navigate({ view: 'chats' })}>
          ‹
        </button>
        <h1>
          {title}
          {peer && !sam && <PresenceDot userId={peer.userId} fallback={peerProfile?.presence?.status} />}
        </h1>
        {peerProfile?.bio && <p className="muted header-bio">{peerProfile.bio}</p>}
        {canBook && (
          <button className="primary" onClick={() => setBooking(true)}>
            Book a session
          </button>
        )}
        {canBook && peerProfile?.donationsWelcome && <TipButton host={peerProfile} conversationId={conversationId} />}
        {!sam && <MuteButton conversationId={conversationId} title={title} />}
        {direct && peer && (
          <span className="safety-actions">
            <ReportButton targetType="profile" targetId={peer.userId} label={`Report ${title}`} />
            <BlockButton userId={peer.userId} displayName={title} />
          </span>
        )}
      </header>
      <ChatArea
        me={me}
        messages={shown?.messages ?? []}
        pending={shown?.pending ?? []}
        participants={conversation.participants}
        canLoadEarlier={lowest !== undefined && lowest > 1}
        onLoadEarlier={() => (lowest !== undefined ? loadBefore(conversationId, lowest, me) : Promise.resolve(0))}
        onRetry={(id) => void conn().retry(id)}
        handlers={handlers}
        group={conversation.type === 'group'}
        highlightSeq={highlightSeq}
      />
      {direct && peer && <BlockedNotice userId={peer.userId} displayName={title} />}
      <TypingIndicator conversationId={conversationId} participants={conversation.participants} />
      <ErrorAlert message={actionError} />
      <Composer
        conversationId={conversationId}
        sam={sam}
        messages={shown?.messages ?? []}
        nameOf={(id) => (id === me ? 'yourself' : (conversation.participants.find((p) => p.userId === id)?.displayName ?? 'Someone'))}
        mentionable={conversation.type === 'group' ? { participants: conversation.participants, me } : undefined}
      />
      {booking && peerProfile && (
        <BookingDialog host={peerProfile} conversationId={conversationId} onClose={() => setBooking(false)} />
      )}
    </section>
  );
}

/** A page of history before `before`, into the cache (a message already there is stored once); how many it brought. */
async function loadBefore(conversationId: string, before: number, me: string): Promise<number> {
  const page = await conversations.messagesBefore(conversationId, before, HISTORY_PAGE);
  for (const m of page.items) await applyMessage(db, m, me);
  return page.items.length;
}
