import type { Announcement } from './endpoints';

/** Dexie setting: the ids of the announcements this user closed. */
export const DISMISSED_ANNOUNCEMENTS = 'dismissedAnnouncements';
/** Ids remembered: more than the API ever returns, so a dismissed one never comes back. */
const REMEMBERED = 50;

/** What the banner shows: the latest announcements not dismissed, newest first, each once. */
export function visibleAnnouncements(items: Announcement[] | undefined, dismissed: string[] | undefined): Announcement[] {
  const closed = new Set(dismissed ?? []);
  const seen = new Set<string>();
  return (items ?? [])
    .filter((a) => !closed.has(a.announcementId) && !seen.has(a.announcementId) && seen.add(a.announcementId))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

/** The dismissed ids after closing one (bounded, newest kept). */
export function dismiss(dismissed: string[] | undefined, announcementId: string): string[] {
  return [...(dismissed ?? []).filter((id) => id !== announcementId), announcementId].slice(-REMEMBERED);
}

/** A live announcement joins the loaded ones (the socket and GET /api/announcements give the same shape). */
export function withLive(loaded: { items: Announcement[] } | undefined, live: Announcement): { items: Announcement[] } {
  return { items: [live, ...(loaded?.items ?? []).filter((a) => a.announcementId !== live.announcementId)] };
}
