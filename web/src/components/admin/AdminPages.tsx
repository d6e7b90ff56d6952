import { useState, type ReactNode } from 'react';
import { AdminRequests } from './AdminRequests';
import { AdminUsers } from './AdminUsers';
import { Announce } from './Announce';
import { MetricsDashboard } from './MetricsDashboard';
import { Moderation } from './Moderation';

type Tab = 'metrics' | 'users' | 'moderation' | 'requests' | 'announce';

const TABS: [Tab, string][] = [
  ['metrics', 'Metrics'],
  ['users', 'Users'],
  ['moderation', 'Moderation'],
  ['requests', 'Requests'],
  ['announce', 'Announce'],
];

const PANELS: Record<Tab, ReactNode> = {
  metrics: <MetricsDashboard />,
  users: <AdminUsers />,
  moderation: <Moderation />,
  requests: <AdminRequests />,
  announce: <Announce />,
};

/**
 * The pages an operator keeps open: live metrics, users (search, suspend), the moderation queue of reports, managed
 * requests, announcements. Loaded
 * on demand (next/dynamic in the shell): most people never open it.
 */
export function AdminPages() {
  const [tab, setTab] = useState<Tab>('metrics');
  // A page once opened stays mounted (hidden when another is shown): the charts keep the history they sampled.
  const [opened, setOpened] = useState<Set<Tab>>(() => new Set(['metrics']));
  const show = (t: Tab) => {
    setTab(t);
    setOpened((o) => (o.has(t) ? o : new Set(o).add(t)));
  };
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
            aria-controls={opened.has(t) ? `admin-panel-${t}` : undefined}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => show(t)}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const next = TABS[(TABS.findIndex(([x]) => x === tab) + step + TABS.length) % TABS.length][0];
              show(next);
              document.getElementById(`admin-tab-${next}`)?.focus();
            }}
          >
            {label}
          </button>
        ))}
      </div>
      {TABS.filter(([t]) => opened.has(t)).map(([t]) => (
        <div key={t} role="tabpanel" id={`admin-panel-${t}`} aria-labelledby={`admin-tab-${t}`} className="admin-panel" hidden={tab !== t}>
          {PANELS[t]}
        </div>
      ))}
    </section>
  );
}
