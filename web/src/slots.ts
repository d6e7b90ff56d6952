import type { Availability, Slot, TimeRange, Weekday } from './types';

/** Monday first, as the availability's weekly keys. */
export const WEEKDAYS: [Weekday, string][] = [
  ['monday', 'Monday'],
  ['tuesday', 'Tuesday'],
  ['wednesday', 'Wednesday'],
  ['thursday', 'Thursday'],
  ['friday', 'Friday'],
  ['saturday', 'Saturday'],
  ['sunday', 'Sunday'],
];

/** The session lengths a host may offer (minutes). */
export const OFFERED_LENGTHS = [15, 30, 45, 60, 90, 120];

/** The browser's IANA time zone (what a guest's slots are shown in, and a new host's default). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the browser knows, for the host's picker (the current one kept even if the list lacks it). */
export function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

/** Weekdays 09:00–17:00 in {@code zone}, one-hour sessions, a day's notice, two months ahead. */
export function defaultAvailability(zone: string): Availability {
  const workday: TimeRange[] = [{ start: '09:00', end: '17:00' }];
  return {
    timeZone: zone,
    weekly: { monday: workday, tuesday: workday, wednesday: workday, thursday: workday, friday: workday },
    overrides: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 24 * 60,
    horizonDays: 60,
    durationsMinutes: [60],
  };
}

/** What the form can tell before the server does: ranges that end before they start or overlap, no length. */
export function availabilityProblems(availability: Availability): string[] {
  const problems: string[] = [];
  const check = (where: string, ranges: TimeRange[]) => {
    const sorted = [...ranges].sort((a, b) => a.start.localeCompare(b.start));
    sorted.forEach((range, i) => {
      if (range.end !== '24:00' && range.end <= range.start) problems.push(`${where}: ${range.start}–${range.end} ends before it starts`);
      const next = sorted[i + 1];
      if (next && next.start < (range.end === '24:00' ? '24:00' : range.end)) {
        problems.push(`${where}: ${range.start}–${range.end} and ${next.start}–${next.end} overlap`);
      }
    });
  };
  for (const [day, label] of WEEKDAYS) check(label, availability.weekly[day] ?? []);
  for (const override of availability.overrides) {
    if (!override.date) problems.push('every date override needs a date');
    check(override.date || 'An override', override.ranges);
  }
  if (availability.durationsMinutes.length === 0) problems.push('offer at least one session length');
  return problems;
}

/** A day of free slots, labelled in the guest's zone. */
export interface SlotDay {
  key: string;
  label: string;
  slots: Slot[];
}

/** The slots grouped by their day in {@code zone} (the guest's), in time order. */
export function slotsByDay(slots: Slot[], zone: string, locale?: string): SlotDay[] {
  const keyFormat = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const labelFormat = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
  const days = new Map<string, SlotDay>();
  for (const slot of slots) {
    const start = new Date(slot.start);
    const key = keyFormat.format(start);
    let day = days.get(key);
    if (!day) {
      day = { key, label: labelFormat.format(start), slots: [] };
      days.set(key, day);
    }
    day.slots.push(slot);
  }
  return [...days.values()];
}

/** `14:30` — a slot's start in {@code zone}. */
export function timeIn(iso: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** `Tue 24 Nov, 14:30` — a slot's start in {@code zone}, for a suggestion or a confirmation. */
export function dayAndTimeIn(iso: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
