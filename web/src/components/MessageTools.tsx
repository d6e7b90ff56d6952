import { quoteText, readableText } from '../mentions';
import { REACTIONS, type Message, type QuotedMessage } from '../types';

/** What a reader may do to one message; the author also edits and deletes. */
export interface MessageHandlers {
  onReply(message: Message): void;
  onEdit(message: Message): void;
  onDelete(message: Message): void;
  /** Puts the viewer's `emoji` on (active) or takes it off. */
  onReact(message: Message, emoji: string, active: boolean): void;
}

/** The reactions under a message, with counts; the viewer toggles their own by clicking one. */
export function ReactionBar(props: { message: Message; me: string; onReact: MessageHandlers['onReact'] }) {
  const { message, me } = props;
  const entries = REACTIONS.map((emoji) => [emoji, message.reactions?.[emoji] ?? []] as const).filter(
    ([, users]) => users.length > 0,
  );
  if (entries.length === 0) return null;
  return (
    <span className="reactions" data-testid="reactions">
      {entries.map(([emoji, users]) => {
        const mine = users.includes(me);
        return (
          <button
            key={emoji}
            className={`reaction${mine ? ' mine' : ''}`}
            aria-pressed={mine}
            aria-label={`${emoji} ${users.length}`}
            data-testid="reaction"
            data-emoji={emoji}
            onClick={() => props.onReact(message, emoji, !mine)}
          >
            {emoji} <span className="count">{users.length}</span>
          </button>
        );
      })}
    </span>
  );
}

/**
 * The quoted message above a reply, as it reads now: its text (mentions by name), what it carried when it had no
 * text, or that it was deleted.
 */
export function Quote(props: {
  quoted: QuotedMessage | undefined;
  senderName: string;
  nameOf: (userId: string) => string;
  onOpen?: () => void;
}) {
  const { quoted } = props;
  return (
    <button type="button" className="quote" data-testid="quote" onClick={props.onOpen} disabled={!props.onOpen}>
      <span className="quote-sender">{props.senderName}</span>
      <span className="quote-text">
        {!quoted ? <em>Earlier message</em> : quoted.deleted ? <em>Message deleted</em> : readableText(quoteText(quoted), props.nameOf)}
      </span>
    </button>
  );
}
