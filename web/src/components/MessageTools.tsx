import { useState } from 'react';
import { REACTIONS, type Message, type QuotedMessage } from '../types';

/** What a reader may do to one message; the author also edits and deletes. */
export interface MessageHandlers {
  onReply(message: Message): void;
  onEdit(message: Message): void;
  onDelete(message: Message): void;
  /** Puts the viewer's `emoji` on (active) or takes it off. */
  onReact(message: Message, emoji: string, active: boolean): void;
}

/** The row of buttons on a message: react (a small picker), reply and, for the author, edit and delete. */
export function MessageTools(props: { message: Message; mine: boolean; me: string; handlers: MessageHandlers }) {
  const { message, mine, me, handlers } = props;
  const [picking, setPicking] = useState(false);
  return (
    <span className="message-tools" data-testid="message-tools">
      <button className="tool" aria-label="React" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
        ☺
      </button>
      <button className="tool" aria-label="Reply" onClick={() => handlers.onReply(message)}>
        ↩
      </button>
      {mine && (
        <>
          <button className="tool" aria-label="Edit" onClick={() => handlers.onEdit(message)}>
            ✎
          </button>
          <button className="tool" aria-label="Delete" onClick={() => handlers.onDelete(message)}>
            🗑
          </button>
        </>
      )}
      {picking && (
        <span className="reaction-picker" role="group" aria-label="Pick a reaction">
          {REACTIONS.map((emoji) => {
            const active = !!message.reactions?.[emoji]?.includes(me);
            return (
              <button
                key={emoji}
                className={active ? 'picked' : undefined}
                aria-label={`${active ? 'Remove' : 'React with'} ${emoji}`}
                onClick={() => {
                  setPicking(false);
                  handlers.onReact(message, emoji, !active);
                }}
              >
                {emoji}
              </button>
            );
          })}
        </span>
      )}
    </span>
  );
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

/** The quoted message above a reply, as it reads now: its text, or that it was deleted. */
export function Quote(props: { quoted: QuotedMessage | undefined; senderName: string; onOpen?: () => void }) {
  const { quoted } = props;
  return (
    <button type="button" className="quote" data-testid="quote" onClick={props.onOpen} disabled={!props.onOpen}>
      <span className="quote-sender">{props.senderName}</span>
      <span className="quote-text">
        {!quoted ? <em>Earlier message</em> : quoted.deleted ? <em>Message deleted</em> : quoted.content}
      </span>
    </button>
  );
}
