import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText, type ModerationAction, type QueuedReport } from '../../endpoints';
import { moderation } from '../../viewEndpoints';
import { queryClient } from '../../queries';
import { ErrorAlert } from '../ErrorAlert';

const ACTIONS: [ModerationAction, string][] = [
  ['dismiss', 'Dismiss'],
  ['hide_message', 'Hide the message'],
  ['suspend', 'Suspend the account'],
  ['ban', 'Ban (suspend, drop host role)'],
];

/**
 * The moderation queue: open reports grouped per reported person, most reported first; each shows what was reported as
 * it was at report time and who reported it. Resolving asks for an action and a note (both go to the audit log); the
 * reporter is told whether action was taken.
 */
export function Moderation() {
  const queue = useQuery({ queryKey: ['moderation'], queryFn: moderation.queue, refetchInterval: 15_000 });
  if (queue.error) return <ErrorAlert message={errorText(queue.error)} />;
  if (!queue.data) return <p className="muted">Loading reports…</p>;
  if (queue.data.groups.length === 0) return <p className="muted" data-testid="moderation-empty">No open reports.</p>;
  return (
    <div className="moderation">
      {queue.data.groups.map((group) => (
        <section key={group.reportedUser?.id ?? 'none'} className="card moderation-group" data-testid="moderation-group">
          <h2>
            {group.reportedUser?.displayName ?? 'No account'}{' '}
            <span className="muted">
              · {group.openReports} open report{group.openReports === 1 ? '' : 's'}
              {group.reportedUser?.suspended && ' · suspended'}
            </span>
          </h2>
          <ul>
            {group.reports.map((r) => (
              <ReportEntry key={r.reportId} report={r} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ReportEntry({ report }: { report: QueuedReport }) {
  const [action, setAction] = useState<ModerationAction>(report.targetType === 'message' ? 'hide_message' : 'dismiss');
  const [note, setNote] = useState('');
  const resolve = useMutation({
    mutationFn: () => moderation.resolve(report.reportId, action, note.trim()),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['moderation'] }),
  });
  return (
    <li className="moderation-report" data-testid="moderation-report" data-target={report.targetType}>
      <p>
        <strong>{report.reason}</strong> · {report.targetType} · reported by {report.reporter.displayName} ({report.reporter.email}) on{' '}
        <time dateTime={report.createdAt}>{new Date(report.createdAt).toLocaleString()}</time>
      </p>
      {report.details && <p className="muted">“{report.details}”</p>}
      <blockquote className="reported-content" data-testid="reported-content">
        {reportedText(report)}
      </blockquote>
      <form
        className="moderation-resolve"
        onSubmit={(e) => {
          e.preventDefault();
          resolve.mutate();
        }}
      >
        <label>
          Action
          <select value={action} onChange={(e) => setAction(e.target.value as ModerationAction)}>
            {ACTIONS.filter(([a]) => a !== 'hide_message' || report.targetType === 'message').map(([a, label]) => (
              <option key={a} value={a}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Note (kept in the audit log)
          <input value={note} required maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={resolve.isPending || !note.trim()}>
          Resolve
        </button>
      </form>
      {resolve.error && <ErrorAlert message={errorText(resolve.error)} />}
    </li>
  );
}

/** The reported content in words, as the report copied it. */
function reportedText(report: QueuedReport): string {
  const c = report.content;
  switch (report.targetType) {
    case 'message':
      return `${String(c.senderName ?? 'Someone')}: ${String(c.content ?? '(deleted)')}`;
    case 'profile':
      return `${String(c.displayName ?? '')}${c.bio ? ` — ${String(c.bio)}` : ''}`;
    case 'review':
      return `${String(c.rating ?? '?')}/5 by ${String(c.guestName ?? 'a guest')}: ${String(c.text ?? '(no text)')}`;
    default:
      return `Session ${String(c.status ?? '')}, ${String(c.durationMinutes ?? '?')} min, ${String(c.paymentMode ?? '')}`;
  }
}
