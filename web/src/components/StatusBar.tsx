import { useLiveQuery } from 'dexie-react-hooks';
import dynamic from 'next/dynamic';
import { db, signOutLocally } from '../services';
import { mainViews } from '../navigation';
import { useUi } from '../store';
import { useAttention, useMutedConversations, useNotifications } from '../notifications';
import { Announcements } from './Announcements';
import { NotificationBell } from './NotificationBell';

// The outcome of one's reports: rarely there, so its own chunk.
const ReportOutcomes = dynamic(() => import('./ReportOutcomes').then((m) => m.ReportOutcomes), { ssr: false });

const LINK_TEXT = { online: 'Online', connecting: 'Connecting…', offline: 'Offline — messages will be sent when you reconnect' };

/** Top bar: who is signed in, the link state, desktop navigation, announcements, the outcome of one's reports. */
export function StatusBar() {
  const user = useUi((s) => s.user);
  const link = useUi((s) => s.link);
  const route = useUi((s) => s.route);
  const navigate = useUi((s) => s.navigate);
  const muted = useMutedConversations();
  const totalUnread = useLiveQuery(() => db.totalUnread(muted), [muted]) ?? 0;
  const views = mainViews(!!user?.roles.includes('admin'));
  const notifications = useNotifications();
  useAttention(totalUnread, notifications.data);

  return (
    <header className="statusbar">
      {/* The route lives in the hash, so the link moves focus itself instead of navigating to "#main". */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          // On a phone showing the conversation list, the list is the content (the main pane is hidden).
          const targets = [document.getElementById('main'), document.getElementById('conversations')];
          targets.find((el) => el && el.offsetParent !== null)?.focus();
        }}
      >
        Skip to content
      </a>
      <span className="brand">HumanChat</span>
      <nav className="topnav" aria-label="Main">
        {views.map(([view, label]) => (
          <button key={view} aria-current={route.view === view ? 'page' : undefined} onClick={() => navigate({ view })}>
            {label}
            {view === 'chats' && totalUnread > 0 && <span className="badge">{totalUnread}</span>}
          </button>
        ))}
      </nav>
      <span className={`link link-${link}`} role="status" data-testid="link-state" data-link={link}>
        {LINK_TEXT[link]}
      </span>
      <NotificationBell page={notifications.data} />
      <span className="me" title={user?.email}>
        {user?.displayName}
      </span>
      <button className="quiet" onClick={() => void signOutLocally()}>
        Sign out
      </button>
      <Announcements />
      <ReportOutcomes />
    </header>
  );
}
