import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { insertMention, mentionCandidates } from '../mentionPicking';
import type { PickedMention } from '../mentions';
import type { Participant } from '../types';

/** The `@query` being typed in the composer's box: from `start` to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
  caret: number;
}

/** A picked member and the box's text with `@Name ` in place of the query. */
export interface MentionPick {
  mention: PickedMention;
  text: string;
  caret: number;
}

/**
 * The members an `@` may name, as a listbox under the box: arrows move, Enter or Tab picks, Escape closes (the box
 * hands its keys over through `keysRef`); a click picks without taking the focus from the box.
 */
export default function MentionPicker(props: {
  id: string;
  text: string;
  at: MentionQuery;
  participants: Participant[];
  me: string;
  keysRef: RefObject<((e: KeyboardEvent<HTMLTextAreaElement>) => boolean) | undefined>;
  onActive: (optionId: string | undefined) => void;
  onPick: (pick: MentionPick) => void;
  onClose: () => void;
}) {
  const { id, text, at, keysRef, onActive, onPick, onClose } = props;
  const candidates = mentionCandidates(props.participants, props.me, at.query);
  const [chosen, setChosen] = useState(0);
  const active = Math.min(chosen, Math.max(0, candidates.length - 1));
  const activeId = candidates[active] ? `${id}-${candidates[active].userId}` : undefined;

  useEffect(() => {
    onActive(activeId);
  }, [activeId, onActive]);
  useEffect(() => () => onActive(undefined), [onActive]);

  useEffect(() => {
    const pick = (mention: PickedMention) => onPick({ mention, ...insertMention(text, at.start, at.caret, mention.name) });
    keysRef.current = (e) => {
      if (candidates.length === 0) return false;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        setChosen((active + (e.key === 'ArrowDown' ? 1 : -1) + candidates.length) % candidates.length);
      } else if (e.key === 'Enter' || e.key === 'Tab') {
        pick(candidates[active]!);
      } else if (e.key === 'Escape') {
        onClose();
      } else {
        return false;
      }
      e.preventDefault();
      return true;
    };
    return () => {
      keysRef.current = undefined;
    };
  });

  if (candidates.length === 0) return null;
  return (
    <ul className="mention-list" role="listbox" id={id} aria-label="Mention a member" data-testid="mention-list">
      {candidates.map((c, i) => (
        <li
          key={c.userId}
          id={`${id}-${c.userId}`}
          role="option"
          aria-selected={i === active}
          data-testid="mention-option"
          onMouseDown={(e) => {
            e.preventDefault(); // keep the focus (and the caret) in the box
            onPick({ mention: c, ...insertMention(text, at.start, at.caret, c.name) });
          }}
        >
          @{c.name}
        </li>
      ))}
    </ul>
  );
}
