import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { db } from '../services';
import type { HostSlots, PaymentMode, Slot, User } from '../types';
import { errorText, sessions } from '../endpoints';
import { availability } from '../viewEndpoints';
import { bookingOptions } from '../money';
import { browserTimeZone, dayAndTimeIn, slotsByDay } from '../slots';
import { ErrorAlert } from './ErrorAlert';
import { SlotCalendar, slotRange } from './SlotCalendar';

/**
 * Requests a session with a host: instant or scheduled, duration; the price is the host's. A native modal dialog. A
 * host with availability is booked from a calendar of their free slots, shown in the guest's time zone (the host's
 * named); one without keeps the free date-time field.
 */
export function BookingDialog({ host, conversationId, onClose }: { host: User; conversationId?: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [when, setWhen] = useState<'instant' | 'scheduled'>(host.instantAvailable ? 'instant' : 'scheduled');
  const [start, setStart] = useState(() => localInput(new Date(Date.now() + 24 * 3600_000)));
  const [duration, setDuration] = useState(30);
  const [slotStart, setSlotStart] = useState<string>();
  const [day, setDay] = useState<string>();
  const [range] = useState(() => slotRange());
  const [chosenLength, setChosenLength] = useState<number>();
  const guestZone = browserTimeZone();
  const slots = useQuery<HostSlots>({
    queryKey: ['slots', host.id, chosenLength ?? 'shortest', range.from],
    queryFn: () => availability.slots(host.id, { ...range, duration: chosenLength }),
    enabled: when === 'scheduled',
  });
  const calendar = when === 'scheduled' && slots.data?.hostTimeZone ? slots.data : undefined;
  const length = calendar ? (calendar.durationMinutes ?? duration) : duration;
  // The guest does not choose the price: the host's offer decides it (money.ts bookingOptions, the server's rule).
  const options = bookingOptions(host);
  const [mode, setMode] = useState<PaymentMode>(options[0]!.mode);
  const chosen = options.find((o) => o.mode === mode) ?? options[0]!;

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const book = useMutation({
    mutationFn: () =>
      sessions.book({
        hostUserId: host.id,
        conversationId,
        startTime: when === 'scheduled' ? (calendar ? slotStart : new Date(start).toISOString()) : undefined,
        durationMinutes: length,
        agreedPrice: chosen.price,
        paymentMode: chosen.mode,
      }),
    onSuccess: async (session) => {
      if (session?.guestUserId) await db.sessions.put(session); // a 202 (pending) arrives later by sync
      onClose();
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    book.mutate();
  }

  const nextSlots = book.error instanceof ApiError ? (book.error.problem.nextSlots ?? []) : [];
  function pick(slot: Slot) {
    book.reset();
    setSlotStart(slot.start);
    setDay(slotsByDay([slot], guestZone)[0]!.key);
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="booking-title" onClose={onClose} data-testid="booking-dialog">
      <form onSubmit={submit} className="form">
        <h2 id="booking-title">Book a session with {host.displayName}</h2>
        <fieldset>
          <legend>When</legend>
          <label>
            <input type="radio" name="when" checked={when === 'instant'} onChange={() => setWhen('instant')} disabled={!host.instantAvailable} /> Now
            {!host.instantAvailable && <span className="muted"> (not taking instant calls)</span>}
          </label>
          <label>
            <input type="radio" name="when" checked={when === 'scheduled'} onChange={() => setWhen('scheduled')} /> Later
          </label>
          {when === 'scheduled' && !calendar && !slots.isPending && (
            <label>
              Start
              <input type="datetime-local" name="start" required value={start} onChange={(e) => setStart(e.target.value)} />
            </label>
          )}
        </fieldset>
        {calendar ? (
          <SlotCalendar
            hostName={host.displayName}
            slots={calendar}
            guestZone={guestZone}
            day={day}
            slotStart={slotStart}
            onDay={setDay}
            onSlot={(start) => {
              book.reset();
              setSlotStart(start);
            }}
            onLength={(minutes) => {
              setChosenLength(minutes);
              setSlotStart(undefined);
            }}
          />
        ) : (
          <label>
            Duration (minutes)
            <input type="number" name="duration" min={5} max={480} step={5} required value={duration} onChange={(e) => setDuration(Number(e.target.value))} />
          </label>
        )}
        {options.length > 1 ? (
          <fieldset>
            <legend>Payment</legend>
            {options.map((o) => (
              <label key={o.mode}>
                <input type="radio" name="paymentMode" checked={mode === o.mode} onChange={() => setMode(o.mode)} /> {o.label}
              </label>
            ))}
          </fieldset>
        ) : (
          <p data-testid="booking-price">
            <strong>Price:</strong> {chosen.mode === 'paid' ? `${chosen.label}, paid once ${host.displayName} accepts` : 'Free'}
          </p>
        )}
        <ErrorAlert message={book.error ? errorText(book.error) : undefined} />
        {nextSlots.length > 0 && (
          <div className="next-slots" data-testid="next-slots">
            <p>Next free times:</p>
            {nextSlots.map((slot) => (
              <button key={slot.start} type="button" className="quiet" onClick={() => pick(slot)}>
                {dayAndTimeIn(slot.start, guestZone)}
              </button>
            ))}
          </div>
        )}
        <div className="dialog-buttons">
          <button type="button" className="quiet" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={book.isPending || (!!calendar && !slotStart)}>
            Request session
          </button>
        </div>
      </form>
    </dialog>
  );
}

function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
