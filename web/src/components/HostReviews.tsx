import { useQuery } from '@tanstack/react-query';
import { errorText } from '../endpoints';
import { reviews } from '../viewEndpoints';
import { dayLabel, viewerClock } from '../time';
import { ReportButton } from './ReportButton';
import { ErrorAlert } from './ErrorAlert';

/** A host's latest reviews, newest first: stars, the review, the guest's name and date, the host's answer. */
export default function HostReviews({ hostId }: { hostId: string }) {
  const latest = useQuery({ queryKey: ['host-reviews', hostId], queryFn: () => reviews.ofHost(hostId) });
  if (latest.error) return <ErrorAlert message={errorText(latest.error)} />;
  if (!latest.data) return <p className="muted">Loading reviews…</p>;
  if (latest.data.items.length === 0) return <p className="muted">No reviews yet.</p>;
  return (
    <ul className="reviews" aria-label="Recent reviews" data-testid="host-reviews">
      {latest.data.items.map((r) => (
        <li key={r.sessionId}>
          <p>
            <span aria-label={`${r.rating} out of 5`}>{'★'.repeat(r.rating)}</span>{' '}
            <span className="muted">
              {r.guestDisplayName ?? 'A guest'} · {dayLabel(r.createdAt, viewerClock())}
            </span>
          </p>
          {r.text && <blockquote>{r.text}</blockquote>}
          {r.answer && <p className="muted">Host’s answer: {r.answer}</p>}
          <ReportButton targetType="review" targetId={r.sessionId} label={`Report review by ${r.guestDisplayName ?? 'a guest'}`} />
        </li>
      ))}
    </ul>
  );
}
