import type { Conversation } from '../types';
import { SAM_USER_ID } from '../types';

/** The other participants of a conversation, as shown in titles. */
export function others(conversation: Conversation, me: string) {
  return conversation.participants.filter((p) => p.userId !== me);
}

export function conversationTitle(conversation: Conversation, me: string): string {
  const names = others(conversation, me).map((p) => (p.userId === SAM_USER_ID ? 'Sam' : (p.displayName ?? 'Someone')));
  return names.length ? names.join(', ') : 'Just you';
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

export function timeOf(iso: string): string {
  const d = new Date(iso);
  const today = new Date();
  return d.toDateString() === today.toDateString()
    ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString([], { month: 'short', day: 'numeric' });
}
