import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { db } from '../services';
import type { PaymentMode, User } from '../types';
import { errorText, sessions } from '../endpoints';
import { bookingOptions } from '../money';
import { ErrorAlert } from './ErrorAlert';

/** Requests a session with a host: instant or scheduled, duration; the price is the host's. A native modal dialog. */
export function BookingDialog({ host, conversationId, onClose }: { host: User; conversationId?: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [when, setWhen] = useState<'instant' | 'scheduled'>(host.instantAvailable ? 'instant' : 'scheduled');
  const [start, setStart] = useState(() => localInput(new Date(Date.now() + 24 * 3600_000)));
  const [duration, setDuration] = useState(30);
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
        startTime: when === 'scheduled' ? new Date(start).toISOString() : undefined,
        durationMinutes: duration,
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
          {when === 'scheduled' && (
            <label>
              Start
              <input type="datetime-local" name="start" required value={start} onChange={(e) => setStart(e.target.value)} />
            </label>
          )}
        </fieldset>
        <label>
          Duration (minutes)
          <input type="number" name="duration" min={5} max={480} step={5} required value={duration} onChange={(e) => setDuration(Number(e.target.value))} />
        </label>
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
        <div className="dialog-buttons">
          <button type="button" className="quiet" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={book.isPending}>
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
