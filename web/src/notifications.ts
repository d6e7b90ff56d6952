import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { notifications, type AppNotification, type NotificationPage, type NotificationPreferences } from './endpoints';
import { queryClient } from './queries';

/**
 * In-app notifications as server state: the list and its unread count, fetched again when the socket's
 * `notifications` frame says they changed, when the tab comes back, and every half minute in case a frame was missed.
 */
export const NOTIFICATIONS_KEY = ['notifications'] as const;
const REFRESH_MS = 30_000;
const BASE_TITLE = 'HumanChat';

/** The person's notification preferences (server state; Settings → Notifications edits them). */
export const PREFERENCES_KEY = ['notification-preferences'] as const;
const NO_MUTES: ReadonlySet<string> = new Set();

/** The preferences as server state, read once for the header's mute button and the title's unread total alike. */
export function usePreferences() {
  return useQuery({ queryKey: PREFERENCES_KEY, queryFn: notifications.preferences, staleTime: 5 * 60_000 });
}

/** The conversations the person muted: they raise no notification and stay out of the title's unread total. */
export function useMutedConversations(): ReadonlySet<string> {
  const ids = usePreferences().data?.mutedConversationIds;
  return useMemo(() => (ids ? new Set(ids) : NO_MUTES), [ids]);
}

/** The preferences with `conversationId` muted or not; the others as they were. */
export function withMute(prefs: NotificationPreferences, conversationId: string, muted: boolean): NotificationPreferences {
  const others = prefs.mutedConversationIds.filter((id) => id !== conversationId);
  return { ...prefs, mutedConversationIds: muted ? [...others, conversationId] : others };
}

export function useNotifications() {
  return useQuery({ queryKey: NOTIFICATIONS_KEY, queryFn: notifications.latest, refetchInterval: REFRESH_MS });
}

/** Marks notifications read; the list and count change at once, then follow the server's answer. */
export function useMarkRead() {
  return useMutation({
    mutationFn: (ids: string[] | 'all') => notifications.markRead(ids),
    onMutate: (ids) => {
      queryClient.setQueryData<NotificationPage>(NOTIFICATIONS_KEY, (page) => page && markedRead(page, ids, new Date().toISOString()));
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

/** The page with those notifications read and the unread count lowered by as many as were unread. */
export function markedRead(page: NotificationPage, ids: string[] | 'all', at: string): NotificationPage {
  const chosen = (n: AppNotification) => ids === 'all' || ids.includes(n.id);
  const newlyRead = page.items.filter((n) => chosen(n) && !n.readAt).length;
  return {
    ...page,
    items: page.items.map((n) => (chosen(n) && !n.readAt ? { ...n, readAt: at } : n)),
    unreadCount: Math.max(0, page.unreadCount - newlyRead),
  };
}

/**
 * The bell's list as a /api/sync answer states it (the newest 20; older ones come over GET /api/notifications). The
 * connection puts it into the query cache on every sync and keeps it in Dexie, so a reload without a network shows it.
 */
export function fromSync(summary: { unreadCount: number; items: AppNotification[] }): NotificationPage {
  return { items: summary.items, unreadCount: summary.unreadCount, nextCursor: null };
}

/** `(3) HumanChat` while something waits, else `HumanChat`. */
export function titleFor(unread: number): string {
  return unread > 0 ? `(${unread}) ${BASE_TITLE}` : BASE_TITLE;
}

/** What a hidden tab should raise as browser notifications: the unread items it has not seen before. */
export function freshUnread(items: AppNotification[], seen: Set<string>): AppNotification[] {
  return items.filter((n) => !n.readAt && !seen.has(n.id));
}

/**
 * While the tab is hidden: the unread total (messages and notifications) in the page title, and a browser notification
 * (Notification API, when the person allowed it) for each new unread notification and for new unread messages.
 */
export function useAttention(unreadMessages: number, page: NotificationPage | undefined) {
  const seen = useRef<Set<string> | null>(null);
  const lastMessages = useRef(unreadMessages);
  const total = unreadMessages + (page?.unreadCount ?? 0);

  useEffect(() => {
    const update = () => {
      document.title = document.hidden ? titleFor(total) : BASE_TITLE;
    };
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, [total]);

  useEffect(() => {
    if (!page) return;
    // What was there when the page opened is not news.
    if (seen.current === null) {
      seen.current = new Set(page.items.map((n) => n.id));
      return;
    }
    const fresh = freshUnread(page.items, seen.current);
    fresh.forEach((n) => seen.current!.add(n.id));
    if (document.hidden) fresh.forEach((n) => raise(n.title, n.body, n.id));
  }, [page]);

  useEffect(() => {
    if (unreadMessages > lastMessages.current && document.hidden) {
      const count = unreadMessages;
      raise(count === 1 ? 'New message' : `${count} unread messages`, 'Open HumanChat to read them.', 'messages');
    }
    lastMessages.current = unreadMessages;
  }, [unreadMessages]);
}

function raise(title: string, body: string, tag: string) {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const shown = new Notification(title, { body, tag });
  shown.onclick = () => {
    window.focus();
    shown.close();
  };
}
