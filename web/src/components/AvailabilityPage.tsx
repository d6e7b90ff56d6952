import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { errorText } from '../endpoints';
import { availability as availabilityApi } from '../viewEndpoints';
import { queryClient } from '../queries';
import { availabilityProblems, browserTimeZone, defaultAvailability, OFFERED_LENGTHS, timeZones, WEEKDAYS } from '../slots';
import type { Availability, TimeRange } from '../types';
import { ErrorAlert } from './ErrorAlert';

const KEY = ['availability', 'mine'];

/** `#/availability`: a host's weekly hours (several ranges a day), time zone, date overrides, buffers, notice, lengths. */
export default function AvailabilityPage() {
  const mine = useQuery({
    queryKey: KEY,
    // 404 = never set: start from weekday hours in the browser's zone
    queryFn: () =>
      availabilityApi.mine().catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
  });
  return (
    <section className="settings availability" aria-labelledby="availability-title">
      <h1 id="availability-title">Availability</h1>
      <p className="muted">
        Guests book scheduled sessions only inside these hours, shown to them in their own time zone. Until you save them, guests may book any free
        time.
      </p>
      <ErrorAlert message={mine.error ? errorText(mine.error) : undefined} />
      {mine.data !== undefined ? (
        <AvailabilityForm initial={mine.data ?? defaultAvailability(browserTimeZone())} saved={mine.data !== null} />
      ) : (
        !mine.error && <p className="muted">Loading…</p>
      )}
    </section>
  );
}

function AvailabilityForm({ initial, saved }: { initial: Availability; saved: boolean }) {
  const [form, setForm] = useState<Availability>(initial);
  const [shown, setShown] = useState(false);
  const problems = availabilityProblems(form);
  const save = useMutation({
    mutationFn: () => availabilityApi.put(form),
    onSuccess: (published) => queryClient.setQueryData(KEY, published),
  });
  const change = (next: Partial<Availability>) => {
    save.reset();
    setForm((f) => ({ ...f, ...next }));
  };
  const setDay = (day: keyof Availability['weekly'], ranges: TimeRange[]) => change({ weekly: { ...form.weekly, [day]: ranges } });
  const setOverride = (index: number, next: { date: string; ranges: TimeRange[] } | null) =>
    change({ overrides: form.overrides.flatMap((o, i) => (i !== index ? [o] : next ? [next] : [])) });

  function submit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    if (problems.length === 0) save.mutate();
  }

  return (
    <form className="card form" onSubmit={submit} noValidate aria-label="Availability" data-testid="availability-form">
      <label>
        Time zone
        <select name="timeZone" value={form.timeZone} onChange={(e) => change({ timeZone: e.target.value })}>
          {timeZones(form.timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Weekly hours</legend>
        {WEEKDAYS.map(([day, label]) => (
          <Ranges key={day} label={label} ranges={form.weekly[day] ?? []} onChange={(ranges) => setDay(day, ranges)} emptyText="Unavailable" />
        ))}
      </fieldset>
      <fieldset>
        <legend>Date overrides</legend>
        {form.overrides.length === 0 && <p className="muted">None: every date follows the weekly hours.</p>}
        {form.overrides.map((override, i) => (
          <div key={i} className="override">
            <label>
              Date
              <input type="date" value={override.date} required onChange={(e) => setOverride(i, { ...override, date: e.target.value })} />
            </label>
            <Ranges
              label={override.date || `Override ${i + 1}`}
              ranges={override.ranges}
              onChange={(ranges) => setOverride(i, { ...override, ranges })}
              emptyText="Day off"
            />
            <button type="button" className="quiet" onClick={() => setOverride(i, null)}>
              Remove override{override.date ? ` of ${override.date}` : ''}
            </button>
          </div>
        ))}
        <button type="button" className="quiet" onClick={() => change({ overrides: [...form.overrides, { date: '', ranges: [] }] })}>
          Add a date override
        </button>
      </fieldset>
      <fieldset>
        <legend>Booking rules</legend>
        <div className="price-row">
          <NumberField label="Buffer before (minutes)" value={form.bufferBeforeMinutes} max={240} onChange={(v) => change({ bufferBeforeMinutes: v })} />
          <NumberField label="Buffer after (minutes)" value={form.bufferAfterMinutes} max={240} onChange={(v) => change({ bufferAfterMinutes: v })} />
        </div>
        <div className="price-row">
          <NumberField label="Minimum notice (minutes)" value={form.minimumNoticeMinutes} max={43200} onChange={(v) => change({ minimumNoticeMinutes: v })} />
          <NumberField label="Book up to (days ahead)" value={form.horizonDays} min={1} max={730} onChange={(v) => change({ horizonDays: v })} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Session lengths offered</legend>
        <div className="lengths">
          {OFFERED_LENGTHS.map((minutes) => (
            <label key={minutes} className="checkbox">
              <input
                type="checkbox"
                checked={form.durationsMinutes.includes(minutes)}
                onChange={(e) =>
                  change({
                    durationsMinutes: e.target.checked
                      ? [...form.durationsMinutes, minutes].sort((a, b) => a - b)
                      : form.durationsMinutes.filter((m) => m !== minutes),
                  })
                }
              />{' '}
              {minutes} min
            </label>
          ))}
        </div>
      </fieldset>
      {shown && problems.length > 0 && <ErrorAlert message={problems.join('; ')} />}
      <ErrorAlert message={save.error ? errorText(save.error) : undefined} />
      {save.isSuccess && (
        <p role="status" className="ok" data-testid="availability-saved">
          Saved. Guests now see your free slots.
        </p>
      )}
      {!save.isSuccess && saved && <p className="muted">Your hours are published.</p>}
      <button type="submit" className="primary" disabled={save.isPending}>
        Save availability
      </button>
    </form>
  );
}

/** One day's ranges: pairs of time inputs, each removable, and "Add hours". */
function Ranges({ label, ranges, onChange, emptyText }: { label: string; ranges: TimeRange[]; onChange: (ranges: TimeRange[]) => void; emptyText: string }) {
  const set = (index: number, next: TimeRange | null) => onChange(ranges.flatMap((r, i) => (i !== index ? [r] : next ? [next] : [])));
  return (
    <div className="day-ranges" role="group" aria-label={label}>
      <span className="day-name">{label}</span>
      <div className="ranges">
        {ranges.length === 0 && <span className="muted">{emptyText}</span>}
        {ranges.map((range, i) => (
          <span key={i} className="range">
            <input type="time" aria-label={`${label} from`} value={range.start} onChange={(e) => set(i, { ...range, start: e.target.value })} />
            <span aria-hidden="true">–</span>
            <input
              type="time"
              aria-label={`${label} until`}
              value={range.end === '24:00' ? '23:59' : range.end}
              onChange={(e) => set(i, { ...range, end: e.target.value === '23:59' ? '24:00' : e.target.value })}
            />
            <button type="button" className="quiet" aria-label={`Remove ${label} ${range.start}–${range.end}`} onClick={() => set(i, null)}>
              ✕
            </button>
          </span>
        ))}
        <button
          type="button"
          className="quiet"
          aria-label={`Add hours on ${label}`}
          onClick={() => onChange([...ranges, nextRange(ranges)])}
        >
          + Add hours
        </button>
      </div>
    </div>
  );
}

/** A new range after the day's last one (09:00–17:00 on an empty day). */
function nextRange(ranges: TimeRange[]): TimeRange {
  const last = ranges.map((r) => r.end).sort().at(-1);
  if (!last) return { start: '09:00', end: '17:00' };
  const hour = Math.min(Number(last.slice(0, 2)) + 1, 22);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${pad(hour)}:00`, end: `${pad(hour + 1)}:00` };
}

function NumberField({ label, value, min = 0, max, onChange }: { label: string; value: number; min?: number; max: number; onChange: (value: number) => void }) {
  return (
    <label>
      {label}
      <input type="number" inputMode="numeric" min={min} max={max} value={value} onChange={(e) => onChange(Number(e.target.value))} />
    </label>
  );
}
