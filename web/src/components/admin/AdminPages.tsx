import { useState } from 'react';
import { AdminRequests } from './AdminRequests';
import { AdminUsers } from './AdminUsers';
import { Announce } from './Announce';
import { MetricsDashboard } from './MetricsDashboard';

type Tab = 'metrics' | 'users' | 'requests' | 'announce';

const TABS: [Tab, string][] = [
  ['metrics', 'Metrics'],
  ['users', 'Users'],
  ['requests', 'Requests'],
  ['announce', 'Announce'],
];

/**
 * The pages an operator keeps open: live metrics, users (search, suspend), managed requests, announcements. Loaded
 * on demand (next/dynamic in the shell): most people never open it.
 */
export function AdminPages() {
  const [tab, setTab] = useState<Tab>('metrics');
  return (
    <section className="admin" aria-labelledby="admin-title">
      <h1 id="admin-title">Admin</h1>
      <div className="tabs" role="tablist" aria-label="Admin pages">
        {TABS.map(([t, label]) => (
          <button
            key={t}
            id={`admin-tab-${t}`}
            role="tab"
            aria-selected={tab === t}
            aria-controls="admin-panel"
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const next = TABS[(TABS.findIndex(([x]) => x === tab) + step + TABS.length) % TABS.length][0];
              setTab(next);
              document.getElementById(`admin-tab-${next}`)?.focus();
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="admin-panel" aria-labelledby={`admin-tab-${tab}`} className="admin-panel">
        {tab === 'metrics' && <MetricsDashboard />}
        {tab === 'users' && <AdminUsers />}
        {tab === 'requests' && <AdminRequests />}
        {tab === 'announce' && <Announce />}
      </div>
    </section>
  );
}
