import dynamic from 'next/dynamic';
import { clockTime, localTimes } from '../time';
import type { Message, PendingSend, QuotedMessage } from '../types';
import { MessageText, type MentionNames } from './MessageText';
import { ReportButton } from './ReportButton';
import type { MessageHandlers } from './MessageTools';

// A message's tools (shown on hover or focus), its reactions and its quote are chunks of their own, fetched once a
// thread has a message that needs them: the first visit's bundle stays within its budget.
const MessageMenu = dynamic(() => import('./MessageMenu').then((m) => m.MessageMenu), { ssr: false });
const ReactionBar = dynamic(() => import('./MessageTools').then((m) => m.ReactionBar), { ssr: false });
const Quote = dynamic(() => import('./MessageTools').then((m) => m.Quote), { ssr: false });

/** What a bubble shows around its text: the message it quotes, who has seen it, and what the reader may do. */
export interface BubbleExtras {
  me: string;
  handlers: MessageHandlers;
  quote?: { quoted: QuotedMessage | undefined; senderName: string; nameOf: (userId: string) => string; onOpen?: () => void };
  /** "Seen" / "Seen by N" under the last message the others have read. */
  seen?: string;
  highlighted?: boolean;
  /** Names for the message's mentions. */
  mentions?: MentionNames;
}

/** Images and files of a message: their code is fetched with the first message that has any (then cached offline). */
const Attachments = dynamic(() => import('./AttachmentView'), { ssr: false });
/** Sam's host cards and the buttons of system messages: fetched with the first message that carries actions. */
const ActionRenderer = dynamic(() => import('./ActionRenderer').then((m) => m.ActionRenderer), { ssr: false });

/**
 * One message. In a group of consecutive messages of one sender only the first names the sender and only the last
 * has the bubble's tail.
 */
export function MessageBubble(props: {
  message: Message;
  mine: boolean;
  senderName: string;
  groupStart: boolean;
  groupEnd: boolean;
  extras?: BubbleExtras;
}) {
  const { message, mine } = props;
  if (message.type === 'system') {
    return (
      <li className="bubble system" data-testid="message" data-seq={message.seq}>
        <span className="content">
          <MessageText text={message.content} />
        </span>
        {!!message.actions?.length && <ActionRenderer actions={message.actions} />}
      </li>
    );
  }
  const classes = ['bubble', mine ? 'mine' : 'theirs'];
  if (message.type === 'sam') classes.push('sam');
  if (props.groupStart) classes.push('group-start');
  if (props.groupEnd) classes.push('group-end');
  const extras = props.extras;
  if (extras?.highlighted) classes.push('highlighted');
  const live = !message.deletedAt && message.type === 'text';
  return (
    <li className={classes.join(' ')} data-testid="message" data-seq={message.seq} data-client-message-id={message.clientMessageId ?? undefined}>
      {!mine && props.groupStart && <span className="sender">{message.type === 'sam' ? 'Sam' : props.senderName}</span>}
      {extras?.quote && message.replyToSeq !== undefined && !message.deletedAt && <Quote {...extras.quote} />}
      {!message.deletedAt && !!message.attachments?.length && <Attachments items={message.attachments} />}
      {(message.deletedAt || message.content) && (
        <span className="content">{message.deletedAt ? <em>Message deleted</em> : <MessageText text={message.content} mentions={extras?.mentions} />}</span>
      )}
      {!!message.actions?.length && <ActionRenderer actions={message.actions} />}
      {extras && live && Object.keys(message.reactions ?? {}).length > 0 && (
        <ReactionBar message={message} me={extras.me} onReact={extras.handlers.onReact} />
      )}
      <span className="meta">
        <time dateTime={message.timestamp}>{clockTime(message.timestamp)}</time>
        {message.editedAt && !message.deletedAt && ' · edited'}
        {mine && <span aria-label="delivered"> ✓</span>}
        {!mine && message.type === 'text' && !message.deletedAt && (
          <ReportButton targetType="message" targetId={message.id} label={`Report message from ${props.senderName}`} />
        )}
      </span>
      {extras?.seen && (
        <span className="seen" data-testid="seen">
          {extras.seen}
        </span>
      )}
      {extras && live && <MessageMenu message={message} mine={mine} me={extras.me} handlers={extras.handlers} />}
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
