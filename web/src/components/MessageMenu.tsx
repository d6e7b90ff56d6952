import { useState } from 'react';
import { REACTIONS, type Message } from '../types';
import type { MessageHandlers } from './MessageTools';

/** The row of buttons on a message: react (a small picker), reply and, for the author, edit and delete. */
export function MessageMenu(props: { message: Message; mine: boolean; me: string; handlers: MessageHandlers }) {
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
            ✕
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
