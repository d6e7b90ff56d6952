import { useEffect, useRef } from 'react';
import type { Message, Participant, PendingSend } from '../types';
import { MessageBubble, PendingBubble } from './MessageBubble';

/** The thread: confirmed messages by seq, then this user's unconfirmed sends; follows the newest message. */
export function ChatArea(props: {
  me: string;
  messages: Message[];
  pending: PendingSend[];
  participants: Participant[];
  canLoadEarlier: boolean;
  onLoadEarlier: () => void;
  onRetry: (clientMessageId: string) => void;
}) {
  const end = useRef<HTMLDivElement>(null);
  const count = props.messages.length + props.pending.length;
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [count]);
  const nameOf = (id: string) => props.participants.find((p) => p.userId === id)?.displayName ?? 'Someone';
  return (
    <div className="chat-area" role="log" aria-label="Messages" aria-live="polite" tabIndex={0} data-testid="chat-area">
      {props.canLoadEarlier && (
        <button className="quiet load-earlier" onClick={props.onLoadEarlier}>
          Load earlier messages
        </button>
      )}
      <ol className="messages">
        {props.messages.map((m) => (
          <MessageBubble key={`${m.conversationId}:${m.seq}`} message={m} mine={m.senderId === props.me} senderName={nameOf(m.senderId)} />
        ))}
        {props.pending.map((p) => (
          <PendingBubble key={p.clientMessageId} pending={p} onRetry={props.onRetry} />
        ))}
      </ol>
      <div ref={end} />
    </div>
  );
}
