import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useState, type FormEvent } from 'react';
import { formatMoney } from '../services';
import { errorText, users } from '../endpoints';
import { openConversationWith } from '../openConversation';
import { ratingSummary } from '../reviews';
import { IntroductionRequest } from './IntroductionRequest';
import { ReportButton } from './ReportButton';
import { PresenceDot } from './PresenceDot';
import { AvatarImage } from './AttachmentLinks';
import { initials } from './names';
import { ErrorAlert } from './ErrorAlert';

// A host's reviews load when someone opens them (the first-visit budget, scripts/bundle-size.mjs).
const HostReviews = dynamic(() => import('./HostReviews'), { ssr: false });

/** Finds hosts: full-text search, tags, online only, best rated first; each card with its rating and reviews. */
export function DiscoverPanel() {
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [online, setOnline] = useState(false);
  const [bestRated, setBestRated] = useState(false);
  const [reviewsOf, setReviewsOf] = useState<string>();
  // The text query runs on submit; the tag, the online filter and the sort at once.
  const [submitted, setSubmitted] = useState('');
  const search = useInfiniteQuery({
    queryKey: ['discover', submitted, tag, online, bestRated],
    queryFn: ({ pageParam }) =>
      users.discover({ q: submitted, tag, online, sort: bestRated ? 'rating' : undefined, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const hosts = search.data?.pages.flatMap((page) => page.items);

  const message = useMutation({ mutationFn: openConversationWith });

  return (
    <section className="discover" aria-labelledby="discover-title">
      <h1 id="discover-title">Discover hosts</h1>
      <form
        className="search"
        role="search"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setSubmitted(q);
          void search.refetch();
        }}
      >
        <label className="visually-hidden" htmlFor="discover-q">
          Search hosts
        </label>
        <input id="discover-q" type="search" placeholder="Search by name, topic…" value={q} onChange={(e) => setQ(e.target.value)} />
        <label className="visually-hidden" htmlFor="discover-tag">
          Tag
        </label>
        <input id="discover-tag" placeholder="#tag" value={tag} onChange={(e) => setTag(e.target.value)} />
        <label className="checkbox">
          <input type="checkbox" checked={online} onChange={(e) => setOnline(e.target.checked)} /> Online now
        </label>
        <label>
          Sort{' '}
          <select value={bestRated ? 'rating' : 'relevance'} onChange={(e) => setBestRated(e.target.value === 'rating')}>
            <option value="relevance">Relevance</option>
            <option value="rating">Best rated</option>
          </select>
        </label>
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      <ErrorAlert message={message.error ? errorText(message.error) : search.error ? errorText(search.error) : undefined} />
      {hosts && hosts.length === 0 && <p className="muted">No hosts match.</p>}
      <ul className="host-grid">
        {hosts?.map((h) => {
          const rating = ratingSummary(h.rating);
          return (
            <li key={h.id} className="card host-card" data-testid="discover-host">
              <h3>
                <span className="avatar" aria-hidden="true">
                  <AvatarImage avatarId={h.avatarId} fallback={initials(h.displayName)} />
                </span>
                {h.displayName} <PresenceDot userId={h.id} fallback={h.presence?.status} />
              </h3>
              {rating && (
                <p className="rating" data-testid="host-rating">
                  {rating}{' '}
                  <button
                    className="quiet"
                    aria-expanded={reviewsOf === h.id}
                    onClick={() => setReviewsOf(reviewsOf === h.id ? undefined : h.id)}
                    aria-label={`${reviewsOf === h.id ? 'Hide reviews' : 'Reviews'} of ${h.displayName}`}
                  >
                    {reviewsOf === h.id ? 'Hide reviews' : 'Reviews'}
                  </button>
                </p>
              )}
              {reviewsOf === h.id && <HostReviews hostId={h.id} />}
              {h.bio && <p>{h.bio}</p>}
              {!!h.tags?.length && (
                <p className="tags">
                  {h.tags.map((t) => (
                    <button key={t} className="tag" onClick={() => setTag(t)} aria-label={`Filter by ${t}`}>
                      #{t}
                    </button>
                  ))}
                </p>
              )}
              <p className="muted">
                {h.priceCents ? `${formatMoney(h.priceCents, h.currency ?? 'usd')} per session` : 'Free sessions'}
                {h.representativeName && ` · represented by ${h.representativeName}`}
              </p>
              <p className="card-actions">
                <ReportButton targetType="profile" targetId={h.id} label={`Report ${h.displayName}`} />
              </p>
              {h.managed ? (
                <IntroductionRequest host={h} />
              ) : (
                <button className="primary" onClick={() => message.mutate(h)} disabled={message.isPending} aria-label={`Message ${h.displayName}`}>
                  Message
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {search.hasNextPage && (
        <button className="quiet" onClick={() => void search.fetchNextPage()} disabled={search.isFetchingNextPage}>
          More hosts
        </button>
      )}
    </section>
  );
}
