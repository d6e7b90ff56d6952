import type { PickedMention } from './mentions';
import type { Participant } from './types';

// Used only once someone types "@" in a group (a chunk of its own, with the composer's member list).

/** The other members whose name has a word starting with the query, by name. */
export function mentionCandidates(participants: Participant[], me: string, query: string): PickedMention[] {
  const wanted = query.toLowerCase();
  return participants
    .filter((p) => p.userId !== me && p.displayName)
    .map((p) => ({ userId: p.userId, name: p.displayName! }))
    .filter((p) => p.name.toLowerCase().split(/\s+/).some((word) => word.startsWith(wanted)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The text with the `@query` from `start` to `caret` replaced by `@Name `, and where the caret goes. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** What is sent: each picked `@Name` still in the text becomes its token; the ids of those that are still there. */
export function encodeMentions(text: string, picked: PickedMention[]): { content: string; mentionedUserIds: string[] } {
  let content = text;
  const ids = new Set<string>();
  // Longer names first, so that "@Ann Lee" is not taken for "@Ann".
  for (const p of [...picked].sort((a, b) => b.name.length - a.name.length)) {
    const written = `@${p.name}`;
    if (!content.includes(written)) continue;
    content = content.split(written).join(`<@${p.userId}>`);
    ids.add(p.userId);
  }
  return { content, mentionedUserIds: [...ids] };
}
