import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { conn, db, maybeConn, profile, api } from '../services';
import { useUi } from '../store';
import { applyMessage, thread } from '../sync';
import type { Message, User } from '../types';
import { SAM_USER_ID } from '../types';
import { BookingDialog } from './BookingDialog';
import { ChatArea } from './ChatArea';
import { Composer } from './Composer';
import { conversationTitle, others } from './names';
import { PresenceDot } from './PresenceDot';
import { TypingIndicator } from './TypingIndicator';

const HISTORY_PAGE = 50;

/** One conversation: header (peer, presence, booking), the chat area, who is typing, the composer. */
export function ConversationView({ conversationId, sam = false }: { conversationId: string; sam?: boolean }) {
  const me = useUi((s) => s.user!.id);
  const link = useUi((s) => s.link);
  const navigate = useUi((s) => s.navigate);
  const conversation = useLiveQuery(() => db.conversations.get(conversationId), [conversationId]);
  const shown = useLiveQuery(() => thread(db, conversationId), [conversationId]);
  const [peerProfile, setPeerProfile] = useState<User>();
  const [booking, setBooking] = useState(false);
  const peer = conversation ? others(conversation, me)[0] : undefined;

  useEffect(() => {
    if (peer && peer.userId !== SAM_USER_ID) void profile(peer.userId).then(setPeerProfile, () => undefined);
  }, [peer?.userId]);

  // Opening a conversation whose latest messages are not cached (e.g. just created): fetch them.
  const lowest = shown?.messages[0]?.seq;
  useEffect(() => {
    if (!conversation || shown === undefined || link !== 'online') return;
    if (shown.messages.length === 0 && conversation.lastSeq > 0) void loadBefore(conversation.lastSeq + 1);
  }, [conversation?.lastSeq, shown === undefined, link]);

  async function loadBefore(before: number) {
    const page = await api.call<{ items: Message[] }>(
      'GET',
      `/api/conversations/${conversationId}/messages?before=${before}&limit=${HISTORY_PAGE}`,
    );
    for (const m of page.items) await applyMessage(db, m, me);
  }

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
  }, [conversation?.lastSeq, conversation?.unreadCount, link]);

  if (conversation === undefined) return <div className="empty-state">Loading…</div>;
  if (conversation === null) return <div className="empty-state">This conversation is not here (yet).</div>;

  const title = sam ? 'Sam' : conversationTitle(conversation, me);
  const canBook = !sam && peerProfile?.roles.includes('host');
  return (
    <section className="conversation" aria-label={`Conversation with ${title}`}>
      <header className="conversation-header">
        <button className="back quiet" aria-label="Back to conversations" onClick={() => navigate({ view: 'chats' })}>
          ‹
        </button>
        <h2>
          {title}
          {peer && !sam && <PresenceDot userId={peer.userId} fallback={peerProfile?.presence?.status} />}
        </h2>
        {peerProfile?.bio && <p className="muted header-bio">{peerProfile.bio}</p>}
        {canBook && (
          <button className="primary" onClick={() => setBooking(true)}>
            Book a session
          </button>
        )}
      </header>
      <ChatArea
        me={me}
        messages={shown?.messages ?? []}
        pending={shown?.pending ?? []}
        participants={conversation.participants}
        canLoadEarlier={lowest !== undefined && lowest > 1}
        onLoadEarlier={() => lowest !== undefined && void loadBefore(lowest)}
        onRetry={(id) => void conn().retry(id)}
      />
      <TypingIndicator conversationId={conversationId} participants={conversation.participants} />
      <Composer conversationId={conversationId} sam={sam} />
      {booking && peerProfile && (
        <BookingDialog host={peerProfile} conversationId={conversationId} onClose={() => setBooking(false)} />
      )}
    </section>
  );
}
