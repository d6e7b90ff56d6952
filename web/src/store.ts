import { create } from 'zustand';
import type { RtcPayload, User } from './types';

export type View = 'chats' | 'discover' | 'sam' | 'sessions' | 'admin' | 'settings' | 'money' | 'availability';
export type Link = 'offline' | 'connecting' | 'online';

export interface Route {
  view: View;
  conversationId?: string;
  callSessionId?: string;
  /** Back from Stripe's Account Link (`#/settings?stripe=return`, or `refresh` when the link expired). */
  stripe?: 'return' | 'refresh';
}

/** The composer's mode in one conversation: writing a reply to, or editing, message `seq`. */
export interface Draft {
  conversationId: string;
  mode: 'reply' | 'edit';
  seq: number;
  /** What the composer starts with (the message's text, when editing). */
  text?: string;
}

interface TypingEntry {
  userId: string;
  until: number;
}

/** Ephemeral UI state: who is signed in, the route, the socket's state, live presence and typing. */
interface UiState {
  user: User | undefined;
  route: Route;
  link: Link;
  presence: Record<string, string>;
  typing: Record<string, TypingEntry[]>;
  rtcSignals: { sessionId: string; fromUserId?: string; payload: RtcPayload; at: number }[];
  /**
   * The session being paid for, if any. The payment dialog lives above every view, so that it stays open, saying
   * "Paid", while the session card it was opened from re-renders or moves in the thread.
   */
  paying: { sessionId: string; title: string } | undefined;
  setPaying(paying: { sessionId: string; title: string } | undefined): void;
  draft: Draft | undefined;
  setDraft(draft: Draft | undefined): void;
  /** A message to bring into view (a search hit that was opened). */
  jumpTo: { conversationId: string; seq: number } | undefined;
  setJumpTo(jumpTo: { conversationId: string; seq: number } | undefined): void;
  setUser(user: User | undefined): void;
  navigate(route: Route): void;
  setLink(link: Link): void;
  setPresence(userId: string, status: string): void;
  setTyping(conversationId: string, userId: string, isTyping: boolean): void;
  expireTyping(now: number): void;
}

export const TYPING_SHOWN_MS = 6000;

export function routeFromHash(hash: string): Route {
  const [path, query] = hash.replace(/^#\/?/, '').split('?');
  const [view, id] = path!.split('/');
  switch (view) {
    case 'settings': {
      const stripe = new URLSearchParams(query).get('stripe');
      return stripe === 'return' || stripe === 'refresh' ? { view, stripe } : { view };
    }
    case 'money':
    case 'availability':
      return { view };
    case 'c':
      return { view: 'chats', conversationId: id };
    case 'discover':
    case 'sam':
    case 'sessions':
    case 'admin':
      return { view, callSessionId: view === 'sessions' ? id : undefined };
    default:
      return { view: 'chats' };
  }
}

export function hashOf(route: Route): string {
  if (route.view === 'chats') return route.conversationId ? `#/c/${route.conversationId}` : '#/';
  if (route.view === 'sessions' && route.callSessionId) return `#/sessions/${route.callSessionId}`;
  if (route.view === 'settings' && route.stripe) return `#/settings?stripe=${route.stripe}`;
  return `#/${route.view}`;
}

export const useUi = create<UiState>((set) => ({
  user: undefined,
  route: typeof location === 'undefined' ? { view: 'chats' } : routeFromHash(location.hash),
  link: 'connecting',
  presence: {},
  typing: {},
  rtcSignals: [],
  paying: undefined,
  setPaying: (paying) => set({ paying }),
  draft: undefined,
  setDraft: (draft) => set({ draft }),
  jumpTo: undefined,
  setJumpTo: (jumpTo) => set({ jumpTo }),
  setUser: (user) => set({ user }),
  navigate: (route) => {
    if (typeof location !== 'undefined' && location.hash !== hashOf(route)) history.pushState(null, '', hashOf(route));
    set({ route });
  },
  setLink: (link) => set({ link }),
  setPresence: (userId, status) => set((s) => ({ presence: { ...s.presence, [userId]: status } })),
  setTyping: (conversationId, userId, isTyping) =>
    set((s) => {
      const others = (s.typing[conversationId] ?? []).filter((t) => t.userId !== userId);
      const next = isTyping ? [...others, { userId, until: Date.now() + TYPING_SHOWN_MS }] : others;
      return { typing: { ...s.typing, [conversationId]: next } };
    }),
  expireTyping: (now) =>
    set((s) => {
      let changed = false;
      const typing: Record<string, TypingEntry[]> = {};
      for (const [id, entries] of Object.entries(s.typing)) {
        typing[id] = entries.filter((t) => t.until > now);
        changed ||= typing[id].length !== entries.length;
      }
      return changed ? { typing } : s;
    }),
}));

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => useUi.setState({ route: routeFromHash(location.hash) }));
}
