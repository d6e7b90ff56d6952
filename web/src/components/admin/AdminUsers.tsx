import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { errorText, type AdminUser } from '../../endpoints';
import { admin } from '../../viewEndpoints';
import { useUi } from '../../store';
import { ConfirmDialog } from '../ConfirmDialog';

/** Accounts, searched by name or email as the admin types; suspending asks first, restoring does not. */
export function AdminUsers() {
  const me = useUi((s) => s.user?.id);
  const [q, setQ] = useState('');
  const search = useDeferredValue(q);
  const [confirming, setConfirming] = useState<AdminUser>();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['admin', 'users', search.trim()], queryFn: () => admin.users(search), placeholderData: keepPreviousData });
  const suspend = useMutation({
    mutationFn: ({ user, suspended, reason }: { user: AdminUser; suspended: boolean; reason?: string }) =>
      admin.setSuspended(user.id, suspended, reason),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });

  return (
    <>
      <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="visually-hidden" htmlFor="admin-user-search">
          Search users
        </label>
        <input id="admin-user-search" type="search" placeholder="Name or email" value={q} onChange={(e) => setQ(e.target.value)} />
      </form>
      {users.error && <p className="error">{errorText(users.error)}</p>}
      {suspend.error && <p className="error">{errorText(suspend.error)}</p>}
      {!users.data && !users.error && <p className="muted">Loading…</p>}
      {users.data?.items.length === 0 && <p className="muted">Nobody matches “{search}”.</p>}
      <ul className="admin-cards" aria-busy={users.isFetching}>
        {users.data?.items.map((u) => (
          <li key={u.id} className="card admin-user" data-testid="admin-user">
            <div>
              <strong>{u.displayName}</strong>
              <div className="muted admin-email">{u.email}</div>
              <div className="muted">
                {u.roles.join(', ')} · joined {new Date(u.createdAt).toLocaleDateString()}
              </div>
            </div>
            <span className={`status ${u.suspended ? 'status-cancelled' : 'status-confirmed'}`}>{u.suspended ? 'Suspended' : 'Active'}</span>
            {u.id !== me &&
              (u.suspended ? (
                <button className="quiet" disabled={suspend.isPending} onClick={() => suspend.mutate({ user: u, suspended: false })}>
                  Restore {u.displayName}
                </button>
              ) : (
                <button className="quiet" disabled={suspend.isPending} onClick={() => setConfirming(u)}>
                  Suspend {u.displayName}
                </button>
              ))}
          </li>
        ))}
      </ul>
      {confirming && (
        <ConfirmDialog
          title={`Suspend ${confirming.displayName}?`}
          confirmLabel="Suspend"
          reasonLabel="Reason (kept in the audit log)"
          onCancel={() => setConfirming(undefined)}
          onConfirm={(reason) => {
            suspend.mutate({ user: confirming, suspended: true, reason: reason || 'suspended by an admin' });
            setConfirming(undefined);
          }}
        >
          <p>They are signed out everywhere and cannot sign in until an admin restores the account.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
