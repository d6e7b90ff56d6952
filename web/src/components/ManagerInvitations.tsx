import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useUi } from '../store';
import type { ManagerInvitation } from '../types';
import { errorText } from '../endpoints';
import { managerInvitations } from '../viewEndpoints';
import { ErrorAlert } from './ErrorAlert';

const NONE: { sent: ManagerInvitation[]; received: ManagerInvitation[] } = { sent: [], received: [] };

/** A host invites a manager by e-mail; an invitee accepts or declines; either ends it. */
export function ManagerInvitations() {
  const user = useUi((s) => s.user);
  const [email, setEmail] = useState('');
  const queryClient = useQueryClient();
  const invitations = useQuery({ queryKey: ['manager-invitations'], queryFn: managerInvitations.list }).data ?? NONE;
  // Invite, accept, decline or end: then the list again, as the server has it.
  const act = useMutation({
    mutationFn: (call: () => Promise<unknown>) => call(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['manager-invitations'] }),
  });
  const isHost = !!user?.roles.includes('host');
  if (!isHost && invitations.received.length === 0) return null;
  return (
    <section className="card" data-testid="manager-invitations">
      <h2>Manager</h2>
      {invitations.sent.map((i) => (
        <p key={i.id}>
          {i.managerDisplayName} — {i.status === 'accepted' ? 'manages your requests' : 'invited, not accepted yet'}{' '}
          <button className="quiet" onClick={() => act.mutate(() => managerInvitations.remove(i.id))}>
            End
          </button>
        </p>
      ))}
      {isHost && invitations.sent.length === 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act.mutate(() => managerInvitations.invite(email), { onSuccess: () => setEmail('') });
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
            <button className="primary" onClick={() => act.mutate(() => managerInvitations.accept(i.id))}>
              Accept
            </button>
          )}
          <button className="quiet" onClick={() => act.mutate(() => managerInvitations.remove(i.id))}>
            {i.status === 'pending' ? 'Decline' : 'Stop'}
          </button>
        </p>
      ))}
      <ErrorAlert message={act.error ? errorText(act.error) : undefined} />
    </section>
  );
}
