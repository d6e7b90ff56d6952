import type { HostSlots } from '../types';
import { slotsByDay, timeIn } from '../slots';

/** How far ahead a calendar of free slots looks. */
const SLOT_DAYS = 14;

/**
 * The window a calendar asks free slots for, from now. It is taken when a calendar opens and is part of the query's
 * key, so each opening reads the slots anew: what was free a minute ago may be booked, and the host may have opened or
 * closed hours since.
 */
export function slotRange(now = Date.now()): { from: string; to: string } {
  return { from: new Date(now).toISOString(), to: new Date(now + SLOT_DAYS * 86400_000).toISOString() };
}

/** The host's free slots by day, in the guest's zone: a row of days, then the times of the chosen one. */
export function SlotCalendar({
  hostName,
  slots,
  guestZone,
  day,
  slotStart,
  onDay,
  onSlot,
  onLength,
}: {
  hostName: string;
  slots: HostSlots;
  guestZone: string;
  day: string | undefined;
  slotStart: string | undefined;
  onDay: (day: string) => void;
  onSlot: (start: string) => void;
  /** Absent when the length is fixed (a reschedule keeps the session's): no length choice then. */
  onLength?: (minutes: number) => void;
}) {
  const days = slotsByDay(slots.slots, guestZone);
  const shown = days.find((d) => d.key === day) ?? days[0];
  const zoneName = (zone: string) => zone.replaceAll('_', ' ');
  return (
    <div className="slot-calendar" data-testid="slot-calendar">
      <p className="muted" data-testid="slot-zones">
        Times in your time zone, {zoneName(guestZone)}
        {slots.hostTimeZone !== guestZone && `; ${hostName} works in ${zoneName(slots.hostTimeZone!)}`}.
      </p>
      {onLength && slots.durationsMinutes.length > 1 && (
        <label>
          Length
          <select value={slots.durationMinutes ?? undefined} onChange={(e) => onLength(Number(e.target.value))}>
            {slots.durationsMinutes.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes} minutes
              </option>
            ))}
          </select>
        </label>
      )}
      {(!onLength || slots.durationsMinutes.length === 1) && <p>{slots.durationMinutes} minutes</p>}
      {days.length === 0 ? (
        <p className="muted">No free times in the next {SLOT_DAYS} days.</p>
      ) : (
        <>
          <div className="slot-days" role="group" aria-label="Day">
            {days.map((d) => (
              <button key={d.key} type="button" className="quiet" aria-pressed={d.key === shown?.key} onClick={() => onDay(d.key)}>
                {d.label}
              </button>
            ))}
          </div>
          <fieldset className="slot-times">
            <legend>Start time on {shown?.label}</legend>
            {shown?.slots.map((slot) => (
              <label key={slot.start} className="slot">
                <input type="radio" name="slot" value={slot.start} checked={slotStart === slot.start} onChange={() => onSlot(slot.start)} />{' '}
                {timeIn(slot.start, guestZone)}
              </label>
            ))}
          </fieldset>
        </>
      )}
    </div>
  );
}
