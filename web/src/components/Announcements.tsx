import { useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { DISMISSED_ANNOUNCEMENTS, dismiss, visibleAnnouncements } from '../announcements';
import { announcements } from '../endpoints';
import { db } from '../services';

const LEVEL_TEXT = { info: 'Information', warning: 'Warning', critical: 'Important' };

/**
 * The platform's announcements: loaded with the page (so one published while this page was closed still shows) and
 * joined live by the socket; each can be dismissed, and stays dismissed after a reload.
 */
export function Announcements() {
  const { data } = useQuery({ queryKey: ['announcements'], queryFn: announcements.latest, staleTime: 5 * 60_000 });
  const dismissed = useLiveQuery(() => db.setting<string[]>(DISMISSED_ANNOUNCEMENTS), []);
  const shown = visibleAnnouncements(data?.items, dismissed);
  if (shown.length === 0) return null;
  return (
    <div className="announcements">
      {shown.map((a) => (
        <div
          key={a.announcementId}
          className={`announcement level-${a.level}`}
          role={a.level === 'info' ? 'status' : 'alert'}
          data-testid="announcement"
          data-level={a.level}
        >
          <span>
            <strong>{LEVEL_TEXT[a.level] ?? 'Announcement'}:</strong> {a.message}
          </span>
          <button
            className="quiet"
            aria-label="Dismiss announcement"
            onClick={() => void db.putSetting(DISMISSED_ANNOUNCEMENTS, dismiss(dismissed, a.announcementId))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
