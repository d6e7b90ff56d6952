import type { Message, PendingSend } from '../types';
import { ActionRenderer } from './ActionRenderer';
import { timeOf } from './names';

export function MessageBubble({ message, mine, senderName }: { message: Message; mine: boolean; senderName: string }) {
  if (message.type === 'system') {
    return (
      <li className="bubble system" data-testid="message" data-seq={message.seq}>
        <span className="content">{message.content}</span>
        <ActionRenderer actions={message.actions} />
      </li>
    );
  }
  return (
    <li
      className={`bubble ${mine ? 'mine' : 'theirs'}${message.type === 'sam' ? ' sam' : ''}`}
      data-testid="message"
      data-seq={message.seq}
      data-client-message-id={message.clientMessageId ?? undefined}
    >
      {!mine && <span className="sender">{message.type === 'sam' ? 'Sam' : senderName}</span>}
      <span className="content">{message.deletedAt ? <em>Message deleted</em> : message.content}</span>
      <ActionRenderer actions={message.actions} />
      <span className="meta">
        <time dateTime={message.timestamp}>{timeOf(message.timestamp)}</time>
        {message.editedAt && ' · edited'}
        {mine && <span aria-label="delivered"> ✓</span>}
      </span>
    </li>
  );
}

const PENDING_TEXT = { queued: 'waiting to send', sending: 'sending…', accepted: 'sent, confirming…', failed: 'not sent' };

export function PendingBubble({ pending, onRetry }: { pending: PendingSend; onRetry: (id: string) => void }) {
  return (
    <li className={`bubble mine pending status-${pending.status}`} data-testid="pending-message" data-status={pending.status}>
      <span className="content">{pending.content}</span>
      <span className="meta">
        {PENDING_TEXT[pending.status]}
        {pending.error && `: ${pending.error}`}
        {pending.status === 'failed' && (
          <button className="quiet" onClick={() => onRetry(pending.clientMessageId)}>
            Retry
          </button>
        )}
      </span>
    </li>
  );
}
