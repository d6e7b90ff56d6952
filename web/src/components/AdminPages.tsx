import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../services';
import { useUi } from '../store';
import type { User } from '../types';
import { errorText } from '../endpoints';

type Tab = 'metrics' | 'users' | 'requests' | 'announce';

/** Admin dashboards: platform metrics, users (suspend/restore), managed requests, announcements. */
export function AdminPages() {
  const [tab, setTab] = useState<Tab>('metrics');
  const tabs: [Tab, string][] = [
    ['metrics', 'Metrics'],
    ['users', 'Users'],
    ['requests', 'Requests'],
    ['announce', 'Announce'],
  ];
  return (
    <section className="admin" aria-labelledby="admin-title">
      <h2 id="admin-title">Admin</h2>
      <div className="tabs" role="tablist">
        {tabs.map(([t, label]) => (
          <button key={t} role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'metrics' && <AdminJson path="/api/admin/metrics" />}
        {tab === 'users' && <AdminUsers />}
        {tab === 'requests' && <AdminJson path="/api/admin/requests" />}
        {tab === 'announce' && <Announce />}
      </div>
    </section>
  );
}

function useAdminGet<T>(path: string): [T | undefined, string | undefined, () => void] {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    api.call<T>('GET', path).then(setData, (e) => setError(errorText(e)));
  }, [path, round]);
  return [data, error, () => setRound((r) => r + 1)];
}

/** Any admin read as a table of its fields (items as rows). */
function AdminJson({ path }: { path: string }) {
  const [data, error] = useAdminGet<Record<string, unknown>>(path);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p className="muted">Loading…</p>;
  const items = Array.isArray(data.items) ? (data.items as Record<string, unknown>[]) : undefined;
  if (items) {
    const columns = [...new Set(items.flatMap((i) => Object.keys(i)))].slice(0, 8);
    return (
      <table className="admin-table">
        <thead>
          <tr>{columns.map((c) => <th key={c}>{c}</th>)}</tr>
        </thead>
        <tbody>
          {items.map((item, i) => (
            <tr key={i}>{columns.map((c) => <td key={c}>{format(item[c])}</td>)}</tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <dl className="admin-metrics">
      {Object.entries(data).map(([k, v]) => (
        <div key={k}>
          <dt>{label(k)}</dt>
          <dd>
            <Value value={v} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A figure, or a nested group of figures as a small list. */
function Value({ value }: { value: unknown }) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return <span className="muted">none</span>;
    return (
      <ul className="figures">
        {entries.map(([k, v]) => (
          <li key={k}>
            <span className="muted">{label(k)}</span> <Value value={v} />
          </li>
        ))}
      </ul>
    );
  }
  return <>{format(value)}</>;
}

function label(key: string): string {
  return key.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function format(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function AdminUsers() {
  const me = useUi((s) => s.user?.id);
  const [data, error, reload] = useAdminGet<{ items: (User & { suspended?: boolean })[] }>('/api/admin/users');
  const [actionError, setActionError] = useState<string>();
  async function setSuspended(id: string, suspended: boolean) {
    try {
      await api.call('PATCH', `/api/admin/users/${id}`, { suspended, reason: suspended ? 'suspended by an admin' : undefined });
      reload();
    } catch (e) {
      setActionError(errorText(e));
    }
  }
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p className="muted">Loading…</p>;
  return (
    <>
      {actionError && <p className="error">{actionError}</p>}
      <table className="admin-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Roles</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.items.map((u) => (
            <tr key={u.id}>
              <td>{u.displayName}</td>
              <td>{u.email}</td>
              <td>{u.roles.join(', ')}</td>
              <td>{u.suspended ? 'suspended' : 'active'}</td>
              <td>
                {u.id !== me && (
                  <button className="quiet" onClick={() => void setSuspended(u.id, !u.suspended)}>
                    {u.suspended ? 'Restore' : 'Suspend'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Announce() {
  const [message, setMessage] = useState('');
  const [level, setLevel] = useState('info');
  const [state, setState] = useState<string>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.call('POST', '/api/admin/announcements', { message, level });
      setState('Announced to every connected client.');
      setMessage('');
    } catch (err) {
      setState(errorText(err));
    }
  }
  return (
    <form className="card form" onSubmit={submit}>
      <label>
        Announcement
        <textarea required value={message} onChange={(e) => setMessage(e.target.value)} />
      </label>
      <label>
        Level
        <select value={level} onChange={(e) => setLevel(e.target.value)}>
          <option value="info">info</option>
          <option value="warning">warning</option>
        </select>
      </label>
      <button className="primary" type="submit">
        Publish
      </button>
      {state && <p className="muted">{state}</p>}
    </form>
  );
}
