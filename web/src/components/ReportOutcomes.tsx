import { useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { type MyReport } from '../endpoints';
import { safety } from '../viewEndpoints';
import { db } from '../services';

/** Dexie setting: the reports whose outcome this user has read. */
const SEEN_OUTCOMES = 'seenReportOutcomes';
const REMEMBERED = 200;

const WHAT: Record<string, string> = { message: 'a message', profile: 'a profile', review: 'a review', session: 'a session' };

/** What the reporter is told: whether something was done, never what or to whom. */
export function outcomeText(report: MyReport): string {
  const what = WHAT[report.targetType] ?? 'something';
  return report.outcome === 'action_taken'
    ? `An admin reviewed your report of ${what} and took action. Thank you for reporting it.`
    : `An admin reviewed your report of ${what} and found nothing against the rules.`;
}

/**
 * The outcome of the user's reports, once an admin resolved them: loaded with the page, refreshed when the socket says
 * a report was resolved (`report.resolved`), each shown until dismissed.
 */
export function ReportOutcomes() {
  const { data } = useQuery({ queryKey: ['my-reports'], queryFn: safety.myReports, staleTime: 5 * 60_000 });
  const seen = useLiveQuery(() => db.setting<string[]>(SEEN_OUTCOMES), []);
  const shown = (data?.items ?? []).filter((r) => r.status === 'resolved' && !(seen ?? []).includes(r.reportId)).slice(0, 3);
  if (shown.length === 0) return null;
  return (
    <div className="announcements">
      {shown.map((r) => (
        <div key={r.reportId} className="announcement level-info" role="status" data-testid="report-outcome" data-outcome={r.outcome ?? undefined}>
          <span>{outcomeText(r)}</span>
          <button
            className="quiet"
            aria-label="Dismiss report outcome"
            onClick={() => void db.putSetting(SEEN_OUTCOMES, [...(seen ?? []), r.reportId].slice(-REMEMBERED))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
