import { useCallback, useEffect, useState } from 'react';
import { useUi } from '../store';
import type { ManagerInvitation } from '../types';
import { errorText, managerInvitations } from '../endpoints';
import { ErrorAlert } from './ErrorAlert';

interface Invitations {
  sent: ManagerInvitation[];
  received: ManagerInvitation[];
}

/** A host invites a manager by e-mail; an invitee accepts or declines; either ends it. */
export function ManagerInvitations() {
  const user = useUi((s) => s.user);
  const [invitations, setInvitations] = useState<Invitations>({ sent: [], received: [] });
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    managerInvitations.list().then(setInvitations, () => undefined);
  }, []);
  useEffect(load, [load]);

  async function act(call: () => Promise<unknown>) {
    setError(undefined);
    try {
      await call();
      load();
    } catch (e) {
      setError(errorText(e));
    }
  }
  const isHost = !!user?.roles.includes('host');
  if (!isHost && invitations.received.length === 0) return null;
  return (
    <section className="card" data-testid="manager-invitations">
      <h2>Manager</h2>
      {invitations.sent.map((i) => (
        <p key={i.id}>
          {i.managerDisplayName} — {i.status === 'accepted' ? 'manages your requests' : 'invited, not accepted yet'}{' '}
          <button className="quiet" onClick={() => void act(() => managerInvitations.remove(i.id))}>
            End
          </button>
        </p>
      ))}
      {isHost && invitations.sent.length === 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => managerInvitations.invite(email)).then(() => setEmail(''));
          }}
        >
          <label>
            Invite a manager by e-mail{' '}
            <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <button className="primary" type="submit">
            Invite
          </button>
        </form>
      )}
      {invitations.received.map((i) => (
        <p key={i.id}>
          {i.hostDisplayName} {i.status === 'accepted' ? '— you manage their requests' : 'asks you to manage their requests'}{' '}
          {i.status === 'pending' && (
            <button className="primary" onClick={() => void act(() => managerInvitations.accept(i.id))}>
              Accept
            </button>
          )}
          <button className="quiet" onClick={() => void act(() => managerInvitations.remove(i.id))}>
            {i.status === 'pending' ? 'Decline' : 'Stop'}
          </button>
        </p>
      ))}
      <ErrorAlert message={error} />
    </section>
  );
}
