import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { formatMoney } from '../services';
import { errorText, users } from '../endpoints';
import { openConversationWith } from '../openConversation';
import { IntroductionRequest } from './IntroductionRequest';
import { PresenceDot } from './PresenceDot';
import { ErrorAlert } from './ErrorAlert';


/** Finds hosts: full-text search, tags, online only. */
export function DiscoverPanel() {
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [online, setOnline] = useState(false);
  // The text query runs on submit; the tag and the online filter at once.
  const [submitted, setSubmitted] = useState('');
  const search = useInfiniteQuery({
    queryKey: ['discover', submitted, tag, online],
    queryFn: ({ pageParam }) => users.discover({ q: submitted, tag, online, cursor: pageParam }),
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
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      <ErrorAlert message={message.error ? errorText(message.error) : search.error ? errorText(search.error) : undefined} />
      {hosts && hosts.length === 0 && <p className="muted">No hosts match.</p>}
      <ul className="host-grid">
        {hosts?.map((h) => (
          <li key={h.id} className="card host-card" data-testid="discover-host">
            <h3>
              {h.displayName} <PresenceDot userId={h.id} fallback={h.presence?.status} />
            </h3>
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
            {h.managed ? (
              <IntroductionRequest host={h} />
            ) : (
              <button className="primary" onClick={() => message.mutate(h)} disabled={message.isPending} aria-label={`Message ${h.displayName}`}>
                Message
              </button>
            )}
          </li>
        ))}
      </ul>
      {search.hasNextPage && (
        <button className="quiet" onClick={() => void search.fetchNextPage()} disabled={search.isFetchingNextPage}>
          More hosts
        </button>
      )}
    </section>
  );
}
