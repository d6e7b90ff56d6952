import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText, type SearchHit } from '../endpoints';
import { search } from '../viewEndpoints';
import { clockTime } from '../time';
import { useUi } from '../store';
import { ErrorAlert } from './ErrorAlert';

/** Searches the messages of the viewer's conversations; a hit opens its conversation at that message. */
export function SearchBox() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const navigate = useUi((s) => s.navigate);
  const setJumpTo = useUi((s) => s.setJumpTo);
  const hits = useQuery({
    queryKey: ['search', query],
    queryFn: () => search.messages(query),
    enabled: query.length > 0,
    staleTime: 10_000,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setQuery(text.trim());
  }

  function open(hit: SearchHit) {
    setJumpTo({ conversationId: hit.conversationId, seq: hit.seq });
    navigate({ view: 'chats', conversationId: hit.conversationId });
    setQuery('');
    setText('');
  }

  return (
    <div className="search-box">
      <form role="search" onSubmit={submit}>
        <label className="visually-hidden" htmlFor="message-search">
          Search messages
        </label>
        <input
          id="message-search"
          type="search"
          placeholder="Search messages"
          value={text}
          maxLength={200}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value) setQuery('');
          }}
          data-testid="search-input"
        />
      </form>
      <ErrorAlert message={hits.error ? errorText(hits.error) : undefined} />
      {query && hits.data && (
        <ul className="search-results" aria-label="Search results" data-testid="search-results">
          {hits.data.items.length === 0 && <li className="muted pad">No messages match “{query}”.</li>}
          {hits.data.items.map((hit) => (
            <li key={`${hit.conversationId}:${hit.seq}`}>
              <button className="search-hit" onClick={() => open(hit)} data-testid="search-hit">
                <span className="search-hit-head">
                  <strong>{hit.senderName ?? 'Someone'}</strong>
                  <time dateTime={hit.timestamp}>{clockTime(hit.timestamp)}</time>
                </span>
                <span className="search-snippet">
                  {hit.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
