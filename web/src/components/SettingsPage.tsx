import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { bookingTerms, errorText, profile } from '../endpoints';
import { readReceipts } from '../viewEndpoints';
import { DEFAULT_CURRENCY } from '../money';
import { LIMITS, parseAmount, parseTags, profileFormErrors, type ProfileForm } from '../moneyViews';
import { moneyKeys, useBookingTerms, useMe } from '../moneyQueries';
import { queryClient } from '../queries';
import { api } from '../services';
import { useUi } from '../store';
import type { BookingTerms, User } from '../types';
import { ErrorAlert } from './ErrorAlert';
import { GetPaid } from './GetPaid';
import { ManagerInvitations } from './ManagerInvitations';
import { SecuritySettings } from './SecuritySettings';
import { YourData } from './YourData';
import { NotificationSettings } from './NotificationSettings';
import { ProfilePicture } from './ProfilePicture';

/** `#/settings`: the profile, a host's terms and price, getting paid (Stripe), notifications, the manager, security and your data. */
export default function SettingsPage() {
  const me = useMe();
  const isHost = !!me.data?.roles.includes('host');
  const terms = useBookingTerms(isHost);
  const ready = me.data && (!isHost || terms.data);
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <ErrorAlert message={me.error ? errorText(me.error) : terms.error ? errorText(terms.error) : undefined} />
      {me.data && <ProfilePicture account={me.data} />}
      {ready ? <ProfileSettings account={me.data!} terms={terms.data} /> : !me.error && <p className="muted">Loading…</p>}
      {isHost && ready && (
        <p className="card">
          <a href="#/availability" data-testid="availability-link">
            Availability
          </a>{' '}
          — your weekly hours, time zone, days off, buffers and the session lengths guests can book.
        </p>
      )}
      {isHost && ready && <GetPaid />}
      <NotificationSettings />
      <ManagerInvitations />
      <SecuritySettings />
      <YourData />
      <ReadReceiptSetting />
    </section>
  );
}

/** Whether the others see "Seen" when this user reads; off, reads still clear the unread badges. */
function ReadReceiptSetting() {
  const setting = useQuery({ queryKey: ['read-receipts'], queryFn: readReceipts.get });
  const save = useMutation({
    mutationFn: (enabled: boolean) => readReceipts.set(enabled),
    onSuccess: (answer) => queryClient.setQueryData(['read-receipts'], answer),
  });
  return (
    <section className="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy</h2>
      <ErrorAlert message={setting.error ? errorText(setting.error) : save.error ? errorText(save.error) : undefined} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={setting.data?.enabled ?? true}
          disabled={!setting.data || save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
          data-testid="read-receipts"
        />
        Send read receipts (others see “Seen” when you have read their messages)
      </label>
    </section>
  );
}

function initialForm(account: User, terms: BookingTerms | undefined): ProfileForm & { instantAvailable: boolean; donationsWelcome: boolean } {
  return {
    displayName: account.displayName,
    bio: account.bio ?? '',
    tags: (account.tags ?? []).join(', '),
    price: account.priceCents ? (account.priceCents / 100).toFixed(2) : '',
    currency: (account.currency ?? DEFAULT_CURRENCY).toUpperCase(),
    requestHoldMinutes: terms?.requestHoldMinutes == null ? '' : String(terms.requestHoldMinutes),
    instantAvailable: !!account.instantAvailable,
    donationsWelcome: !!terms?.donationsWelcome,
  };
}

function ProfileSettings({ account, terms }: { account: User; terms: BookingTerms | undefined }) {
  const isHost = account.roles.includes('host');
  const [form, setForm] = useState(() => initialForm(account, terms));
  const [shown, setShown] = useState(false);
  const errors = profileFormErrors(form, isHost);
  const save = useMutation({
    mutationFn: async () => {
      const price = parseAmount(form.price || '0') ?? 0;
      const saved = await profile.update({
        displayName: form.displayName.trim(),
        bio: form.bio,
        tags: parseTags(form.tags),
        ...(isHost
          ? { priceCents: price, currency: form.currency.trim().toLowerCase(), instantAvailable: form.instantAvailable }
          : {}),
      });
      const savedTerms = isHost
        ? await bookingTerms.put({
            requestHoldMinutes: form.requestHoldMinutes.trim() === '' ? null : Number(form.requestHoldMinutes),
            donationsWelcome: form.donationsWelcome,
          })
        : undefined;
      return { saved, savedTerms };
    },
    onSuccess: async ({ saved, savedTerms }) => {
      queryClient.setQueryData(moneyKeys.me, saved);
      if (savedTerms) queryClient.setQueryData(moneyKeys.terms, savedTerms);
      void queryClient.invalidateQueries({ queryKey: ['user', saved.id] });
      await api.updateUser({ ...useUi.getState().user!, ...saved });
      useUi.getState().setUser({ ...useUi.getState().user!, ...saved });
    },
  });
  const set = (field: keyof typeof form) => (value: string | boolean) => {
    save.reset();
    setForm((f) => ({ ...f, [field]: value }));
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    if (Object.keys(errors).length === 0) save.mutate();
  }

  const fieldError = (field: keyof ProfileForm) =>
    shown && errors[field] ? (
      <span className="error" id={`${field}-error`}>
        {errors[field]}
      </span>
    ) : null;
  const invalid = (field: keyof ProfileForm) =>
    shown && errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${field}-error` } : {};

  return (
    <form className="card form" onSubmit={submit} noValidate aria-label="Profile" data-testid="profile-settings">
      <h2>Profile</h2>
      <label>
        Display name
        <input value={form.displayName} maxLength={LIMITS.displayName} onChange={(e) => set('displayName')(e.target.value)} {...invalid('displayName')} />
        {fieldError('displayName')}
      </label>
      <label>
        Bio
        <textarea value={form.bio} rows={4} onChange={(e) => set('bio')(e.target.value)} {...invalid('bio')} />
        <span className="muted">
          {form.bio.length} / {LIMITS.bio}
        </span>
        {fieldError('bio')}
      </label>
      <label>
        Tags (separated by commas, up to {LIMITS.tags})
        <input value={form.tags} placeholder="chess, coaching" onChange={(e) => set('tags')(e.target.value)} {...invalid('tags')} />
        {fieldError('tags')}
      </label>
      {isHost && (
        <fieldset>
          <legend>Sessions with you</legend>
          <div className="price-row">
            <label>
              Price per session
              <input name="price" inputMode="decimal" placeholder="0.00 = free" value={form.price} onChange={(e) => set('price')(e.target.value)} {...invalid('price')} />
            </label>
            <label>
              Currency
              <input name="currency" maxLength={3} size={4} value={form.currency} onChange={(e) => set('currency')(e.target.value.toUpperCase())} {...invalid('currency')} />
            </label>
          </div>
          {fieldError('price')}
          {fieldError('currency')}
          <label className="checkbox">
            <input type="checkbox" checked={form.instantAvailable} onChange={(e) => set('instantAvailable')(e.target.checked)} /> Available for instant
            sessions
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={form.donationsWelcome} onChange={(e) => set('donationsWelcome')(e.target.checked)} /> Donations welcome
            (guests can tip you, and book free sessions as donations)
          </label>
          <label>
            An unanswered request holds its time for (minutes)
            <input name="requestHoldMinutes" inputMode="numeric" placeholder="default: 1440 (24 hours)" value={form.requestHoldMinutes} onChange={(e) => set('requestHoldMinutes')(e.target.value)} {...invalid('requestHoldMinutes')} />
            {fieldError('requestHoldMinutes')}
          </label>
        </fieldset>
      )}
      <ErrorAlert message={save.error ? errorText(save.error) : undefined} />
      {save.isSuccess && (
        <p className="success" role="status">
          Saved.
        </p>
      )}
      <button type="submit" className="primary" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save'}
      </button>
    </form>
  );
}
