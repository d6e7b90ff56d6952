import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../services';
import { mainViews } from '../navigation';
import { useUi } from '../store';
import { Icon } from './Icon';

/** Phone navigation at the bottom of the screen (hidden on wide screens, where the top bar navigates). */
export function MobileBottomNav() {
  const route = useUi((s) => s.route);
  const navigate = useUi((s) => s.navigate);
  const isAdmin = useUi((s) => s.user?.roles.includes('admin'));
  const totalUnread = useLiveQuery(() => db.totalUnread(), []) ?? 0;
  const items = mainViews(!!isAdmin);
  return (
    <nav className="bottom-nav" aria-label="Main (mobile)">
      {items.map(([view, label]) => (
        <button key={view} aria-current={route.view === view ? 'page' : undefined} onClick={() => navigate({ view })}>
          <Icon name={view} />
          {label}
          {view === 'chats' && totalUnread > 0 && <span className="badge">{totalUnread}</span>}
        </button>
      ))}
    </nav>
  );
}
