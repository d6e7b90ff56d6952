import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText, notifications, type NotificationPreferences } from '../endpoints';
import { PREFERENCES_KEY as KEY } from '../notifications';
import { queryClient } from '../queries';
import { disablePush, enablePush, pushIsOn, pushSupported } from '../webPush';
import { ErrorAlert } from './ErrorAlert';


/** Settings → Notifications: e-mail on/off and how often, quiet hours in the person's time zone, browser notifications. */
export function NotificationSettings() {
  const prefs = useQuery({ queryKey: KEY, queryFn: notifications.preferences });
  return (
    <section className="notification-settings" aria-labelledby="notification-settings-title">
      <h2 id="notification-settings-title">Notifications</h2>
      <ErrorAlert message={prefs.error ? errorText(prefs.error) : undefined} />
      {prefs.data ? <PreferencesForm saved={prefs.data} /> : !prefs.error && <p className="muted">Loading…</p>}
      <BrowserPermission />
      <PushSwitch />
    </section>
  );
}

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const [form, setForm] = useState(() => ({
    ...saved,
    timeZone: saved.quietHours ? saved.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone || saved.timeZone,
  }));
  const [quiet, setQuiet] = useState(!!saved.quietHours);
  const [hours, setHours] = useState(saved.quietHours ?? { start: '22:00', end: '08:00' });
  const save = useMutation({
    mutationFn: () => notifications.savePreferences({ ...form, quietHours: quiet ? hours : null }),
    onSuccess: (answer) => queryClient.setQueryData(KEY, answer),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <label>
          <input type="checkbox" checked={form.emailEnabled} onChange={(e) => setForm({ ...form, emailEnabled: e.target.checked })} /> E-mail me
          what I miss
        </label>
        <label>
          E-mail digests of unread messages{' '}
          <select
            value={form.emailDigest}
            disabled={!form.emailEnabled}
            onChange={(e) => setForm({ ...form, emailDigest: e.target.value as NotificationPreferences['emailDigest'] })}
          >
            <option value="batched">a few minutes after they arrive</option>
            <option value="hourly">at most hourly</option>
            <option value="daily">at most daily</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} /> Quiet hours (no e-mail or push)
        </label>
        {quiet && (
          <div className="row">
            <label>
              from <input type="time" value={hours.start} onChange={(e) => setHours({ ...hours, start: e.target.value })} />
            </label>
            <label>
              to <input type="time" value={hours.end} onChange={(e) => setHours({ ...hours, end: e.target.value })} />
            </label>
            <span className="muted">{form.timeZone}</span>
          </div>
        )}
      </fieldset>
      <ErrorAlert message={save.error ? errorText(save.error) : undefined} />
      <button type="submit" disabled={save.isPending}>
        Save notification settings
      </button>
      {save.isSuccess && <span role="status"> Saved.</span>}
    </form>
  );
}

/** Settings → "Enable push on this device": notifications reach this device even when no HumanChat tab is open. */
function PushSwitch() {
  const supported = pushSupported();
  const state = useQuery({ queryKey: ['push-on-this-device'], queryFn: pushIsOn, enabled: supported });
  const toggle = useMutation({
    mutationFn: (on: boolean) => (on ? enablePush() : disablePush()),
    onSettled: () => void state.refetch(),
  });
  if (!supported) return <p className="muted">This browser cannot receive push notifications.</p>;
  return (
    <div className="push-switch">
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={!!state.data}
          disabled={state.isPending || toggle.isPending}
          onChange={(e) => toggle.mutate(e.target.checked)}
        />{' '}
        Enable push on this device
      </label>
      <ErrorAlert message={toggle.error ? errorText(toggle.error) : undefined} />
    </div>
  );
}

/** Browser notifications need the person's permission, asked for on a click (browsers refuse it otherwise). */
function BrowserPermission() {
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  if (!supported) return <p className="muted">This browser cannot show notifications.</p>;
  if (permission === 'granted') return <p className="muted">Browser notifications are on while HumanChat is in the background.</p>;
  if (permission === 'denied') return <p className="muted">Browser notifications are blocked for this site in the browser&apos;s settings.</p>;
  return (
    <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
      Turn on browser notifications
    </button>
  );
}
