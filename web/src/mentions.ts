import type { Attachment, Conversation } from './types';

/**
 * Mentions in message text. The content names a mentioned user by a `<@userId>` token (the message's
 * `mentionedUserIds` are the members the server kept); a reader sees `@` and the user's current display name, so a
 * rename shows everywhere at once. The composer shows `@Name` while writing and turns the names picked from the list
 * back into tokens when sending.
 */
const TOKEN = /<@([0-9a-f-]{36})>/gi;

/** A piece of message text: plain, or a mention of a user. */
export type MentionPart = { text: string } | { userId: string };

export function mentionParts(text: string): MentionPart[] {
  const parts: MentionPart[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ userId: match[1]!.toLowerCase() });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The text with every mention written as `@Name` (previews, notifications, the box an edit starts from). */
export function readableText(text: string, nameOf: (userId: string) => string): string {
  return text.replace(TOKEN, (_token, id: string) => `@${nameOf(id.toLowerCase())}`);
}

/** A member picked from the mention list while writing. */
export interface PickedMention {
  userId: string;
  name: string;
}

/** The `@word` being typed right before the caret (the `@` starts the text or follows a space), or none. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | undefined {
  const match = /(?:^|\s)@([^\s@]{0,30})$/.exec(text.slice(0, caret));
  if (!match) return undefined;
  return { start: caret - match[1]!.length - 1, query: match[1]! };
}

/** Whether the conversation holds a message mentioning the viewer that they have not read yet (the list's "@"). */
export function mentionWaiting(conversation: Pick<Conversation, 'mentionSeq' | 'lastReadSeq'>): boolean {
  return (conversation.mentionSeq ?? 0) > conversation.lastReadSeq;
}

/** How a quote or a preview names a message without text: its first photo or file. */
export function attachmentLabel(attachments: Attachment[] | undefined): string {
  const first = attachments?.[0];
  if (!first) return '';
  const more = attachments!.length > 1 ? ` +${attachments!.length - 1}` : '';
  return (first.contentType.startsWith('image/') ? '📷 Photo' : `📎 ${first.name}`) + more;
}

/** A quoted message's line: its text, else what it carried. */
export function quoteText(quoted: { content: string | null; attachments?: Attachment[] }): string {
  return quoted.content || attachmentLabel(quoted.attachments);
}
