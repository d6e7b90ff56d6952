import dynamic from 'next/dynamic';
import { clockTime, localTimes } from '../time';
import type { Message, PendingSend } from '../types';
import { ActionRenderer } from './ActionRenderer';
import { MessageText } from './MessageText';

/** Images and files of a message: their code is fetched with the first message that has any (then cached offline). */
const Attachments = dynamic(() => import('./AttachmentView'), { ssr: false });

/**
 * One message. In a group of consecutive messages of one sender only the first names the sender and only the last
 * has the bubble's tail.
 */
export function MessageBubble(props: { message: Message; mine: boolean; senderName: string; groupStart: boolean; groupEnd: boolean }) {
  const { message, mine } = props;
  if (message.type === 'system') {
    return (
      <li className="bubble system" data-testid="message" data-seq={message.seq}>
        <span className="content">
          <MessageText text={message.content} />
        </span>
        <ActionRenderer actions={message.actions} />
      </li>
    );
  }
  const classes = ['bubble', mine ? 'mine' : 'theirs'];
  if (message.type === 'sam') classes.push('sam');
  if (props.groupStart) classes.push('group-start');
  if (props.groupEnd) classes.push('group-end');
  return (
    <li className={classes.join(' ')} data-testid="message" data-seq={message.seq} data-client-message-id={message.clientMessageId ?? undefined}>
      {!mine && props.groupStart && <span className="sender">{message.type === 'sam' ? 'Sam' : props.senderName}</span>}
      {!message.deletedAt && !!message.attachments?.length && <Attachments items={message.attachments} />}
      {(message.deletedAt || message.content) && (
        <span className="content">{message.deletedAt ? <em>Message deleted</em> : <MessageText text={message.content} />}</span>
      )}
      <ActionRenderer actions={message.actions} />
      <span className="meta">
        <time dateTime={message.timestamp}>{clockTime(message.timestamp)}</time>
        {message.editedAt && ' · edited'}
        {mine && <span aria-label="delivered"> ✓</span>}
      </span>
    </li>
  );
}

/** A session's status change: one quiet line of history (the session's live card shows what is current). */
export function StatusLine({ message }: { message: Message }) {
  return (
    <li className="status-line" data-testid="status-line" data-seq={message.seq}>
      <span>{localTimes(message.content)}</span> <time dateTime={message.timestamp}>{clockTime(message.timestamp)}</time>
    </li>
  );
}

const PENDING_TEXT = { queued: 'waiting to send', sending: 'sending…', accepted: 'sent, confirming…', failed: 'not sent' };

export function PendingBubble({ pending, onRetry }: { pending: PendingSend; onRetry: (id: string) => void }) {
  return (
    <li className={`bubble mine pending group-start group-end status-${pending.status}`} data-testid="pending-message" data-status={pending.status}>
      {!!pending.attachments?.length && <Attachments items={pending.attachments} />}
      {pending.content && (
        <span className="content">
          <MessageText text={pending.content} />
        </span>
      )}
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
