/**
 * Times as the viewer reads them: in their own time zone (the browser's, through Intl) unless a test names one.
 * The server sends instants (ISO 8601 with Z); nothing here assumes UTC.
 */
export interface Clock {
  now: Date;
  timeZone?: string;
  locale?: string;
}

export function viewerClock(): Clock {
  return { now: new Date() };
}

/** The calendar day of an instant in the viewer's zone, as YYYY-MM-DD (what date separators compare). */
export function dayKey(iso: string | Date, clock: Pick<Clock, 'timeZone'>): string {
  // en-CA formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: clock.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
}

/** "Today", "Yesterday", a weekday within the week, else a full date — in the viewer's zone. */
export function dayLabel(iso: string, clock: Clock): string {
  const day = dayKey(iso, clock);
  const today = dayKey(clock.now, clock);
  if (day === today) return 'Today';
  const daysAgo = Math.round((Date.parse(today) - Date.parse(day)) / 86_400_000);
  if (daysAgo === 1) return 'Yesterday';
  const options: Intl.DateTimeFormatOptions =
    daysAgo > 1 && daysAgo < 7
      ? { weekday: 'long' }
      : { weekday: 'short', day: 'numeric', month: 'long', year: day.slice(0, 4) === today.slice(0, 4) ? undefined : 'numeric' };
  return new Intl.DateTimeFormat(clock.locale, { ...options, timeZone: clock.timeZone }).format(new Date(iso));
}

/** The time of day of a message, e.g. "14:05" or "2:05 PM" as the viewer's locale writes it. */
export function clockTime(iso: string, clock: Pick<Clock, 'timeZone' | 'locale'> = {}): string {
  return new Intl.DateTimeFormat(clock.locale, { hour: 'numeric', minute: '2-digit', timeZone: clock.timeZone }).format(new Date(iso));
}

/** A session's start with its zone named ("Tue, 8 Dec, 14:00 CET"): two people may be in different zones. */
export function sessionTime(iso: string, clock: Pick<Clock, 'timeZone' | 'locale'> = {}): string {
  return new Intl.DateTimeFormat(clock.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: clock.timeZone,
  }).format(new Date(iso));
}

/** An instant the server wrote into a text (a session's status line says `starts 2026-12-10T15:00:00Z`). */
const WRITTEN_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z\b/g;

/** The text with every instant in it shown as a session time in the viewer's zone, the zone named. */
export function localTimes(text: string, clock: Pick<Clock, 'timeZone' | 'locale'> = {}): string {
  return text.replace(WRITTEN_INSTANT, (iso) => sessionTime(iso, clock));
}
