import { useState } from 'react';
import { type AppNotification } from '../endpoints';
import { useMarkRead } from '../notifications';
import { routeFromHash, useUi } from '../store';
import type { NotificationPage } from '../endpoints';

/** The bell in the top bar: the unread count, and a list that opens below it; reading an item opens what it is about. */
export function NotificationBell({ page }: { page: NotificationPage | undefined }) {
  const [open, setOpen] = useState(false);
  const markRead = useMarkRead();
  const navigate = useUi((s) => s.navigate);
  const unread = page?.unreadCount ?? 0;

  const openItem = (n: AppNotification) => {
    if (!n.readAt) markRead.mutate([n.id]);
    setOpen(false);
    navigate(routeFromHash(n.link.replace(/^\//, '')));
  };

  return (
    <div className="bell">
      <button
        className="quiet bell-button"
        aria-expanded={open}
        aria-controls="notification-list"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        data-testid="notification-bell"
        data-unread={unread}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">🔔</span>
        {unread > 0 && <span className="badge">{unread}</span>}
      </button>
      {open && (
        <div className="bell-panel" id="notification-list" role="region" aria-label="Notifications">
          <div className="bell-head">
            <strong>Notifications</strong>
            <button className="quiet" disabled={unread === 0} onClick={() => markRead.mutate('all')}>
              Mark all read
            </button>
          </div>
          {!page?.items.length ? (
            <p className="muted pad">Nothing yet. You will see bookings, requests, payments and missed messages here.</p>
          ) : (
            <ul>
              {page.items.map((n) => (
                <li key={n.id}>
                  <button
                    className={`bell-item${n.readAt ? '' : ' unread'}`}
                    data-testid="notification"
                    data-read={n.readAt ? 'true' : 'false'}
                    onClick={() => openItem(n)}
                  >
                    <span className="bell-title">{n.title}</span>
                    {n.body && <span className="bell-body">{n.body}</span>}
                    <time dateTime={n.createdAt}>{new Date(n.createdAt).toLocaleString()}</time>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
