import { useQuery } from '@tanstack/react-query';
import { errorText } from '../../endpoints';
import { admin } from '../../viewEndpoints';
import { useProfile } from '../../queries';
import { clockTime, dayLabel, viewerClock } from '../../time';

function Person({ id }: { id: string | null }) {
  const profile = useProfile(id ?? undefined);
  if (!id) return <>—</>;
  return <>{profile?.displayName ?? '…'}</>;
}

/** Every managed request with the people's names (never bare ids), newest first. */
export function AdminRequests() {
  const requests = useQuery({ queryKey: ['admin', 'requests'], queryFn: admin.requests, refetchInterval: 15_000 });
  if (requests.error) return <p className="error">{errorText(requests.error)}</p>;
  if (!requests.data) return <p className="muted">Loading…</p>;
  if (requests.data.items.length === 0) return <p className="muted">No requests yet.</p>;
  return (
    <ul className="admin-cards">
      {requests.data.items.map((r) => (
        <li key={r.requestId} className="card admin-request" data-testid="admin-request">
          <p>
            <strong>
              <Person id={r.requesterId} />
            </strong>{' '}
            asks <strong><Person id={r.hostUserId} /></strong>: “{r.message}”
          </p>
          <p className="muted">
            <span className={`status status-${r.status}`}>{r.status}</span> · decided by{' '}
            {r.representativeName ?? <Person id={r.managerId} />} · {dayLabel(r.createdAt, viewerClock())} {clockTime(r.createdAt)}
          </p>
        </li>
      ))}
    </ul>
  );
}
