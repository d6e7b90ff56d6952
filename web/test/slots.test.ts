import { describe, expect, it } from 'vitest';
import { availabilityProblems, defaultAvailability, slotsByDay, timeIn } from '../src/slots';

describe('slots in the guest time zone', () => {
  const slots = [
    { start: '2026-03-29T00:00:00Z', end: '2026-03-29T01:00:00Z' },
    { start: '2026-03-29T01:00:00Z', end: '2026-03-29T02:00:00Z' },
    { start: '2026-03-29T23:30:00Z', end: '2026-03-30T00:30:00Z' },
  ];

  it('groups by the guest day, not the UTC one', () => {
    const tokyo = slotsByDay(slots, 'Asia/Tokyo', 'en-GB');
    expect(tokyo.map((d) => [d.key, d.slots.length])).toEqual([
      ['2026-03-29', 2],
      ['2026-03-30', 1],
    ]);
    const newYork = slotsByDay(slots, 'America/New_York', 'en-GB');
    expect(newYork.map((d) => [d.key, d.slots.length])).toEqual([
      ['2026-03-28', 2],
      ['2026-03-29', 1],
    ]);
  });

  it('shows a start at the wall-clock time of the zone on both sides of a DST change', () => {
    expect(timeIn('2026-03-29T00:00:00Z', 'Europe/Berlin', 'en-GB')).toBe('01:00');
    expect(timeIn('2026-03-29T01:00:00Z', 'Europe/Berlin', 'en-GB')).toBe('03:00');
  });
});

describe('the availability form', () => {
  it('names overlapping and inverted ranges and a missing length', () => {
    const availability = defaultAvailability('Europe/Berlin');
    availability.weekly.monday = [
      { start: '09:00', end: '12:00' },
      { start: '11:00', end: '13:00' },
    ];
    availability.weekly.tuesday = [{ start: '18:00', end: '17:00' }];
    availability.durationsMinutes = [];
    expect(availabilityProblems(availability)).toEqual([
      'Monday: 09:00–12:00 and 11:00–13:00 overlap',
      'Tuesday: 18:00–17:00 ends before it starts',
      'offer at least one session length',
    ]);
    expect(availabilityProblems(defaultAvailability('UTC'))).toEqual([]);
  });
});
