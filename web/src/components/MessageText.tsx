import { linkify } from '../links';
import { mentionParts } from '../mentions';

/** How a thread names mentioned users: by their current display name; the viewer's own mention stands out more. */
export interface MentionNames {
  nameOf: (userId: string) => string;
  me: string;
}

/**
 * Message text with its http(s) links clickable, opened in a new tab that cannot reach back into this page, and its
 * `<@userId>` mentions shown as highlighted `@Name`.
 */
export function MessageText({ text, mentions }: { text: string; mentions?: MentionNames }) {
  return (
    <>
      {mentionParts(text).map((part, i) =>
        'userId' in part ? (
          <span key={i} className={part.userId === mentions?.me ? 'mention me' : 'mention'} data-testid="mention">
            @{mentions?.nameOf(part.userId) ?? 'someone'}
          </span>
        ) : (
          linkify(part.text).map((piece, j) =>
            'href' in piece ? (
              <a key={`${i}:${j}`} href={piece.href} target="_blank" rel="noopener noreferrer">
                {piece.text}
              </a>
            ) : (
              piece.text
            ),
          )
        ),
      )}
    </>
  );
}
