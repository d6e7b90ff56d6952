import { useLiveQuery } from 'dexie-react-hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { db } from '../services';
import { SAM_USER_ID } from '../types';
import { errorText, sam } from '../endpoints';
import { ConversationView } from './ConversationView';
import { ErrorAlert } from './ErrorAlert';

/** The conversation with Sam; before the first ask, a prompt that starts it. */
export function SamChatView() {
  const samConversation = useLiveQuery(
    async () => (await db.conversations.toArray()).find((c) => c.participantIds.includes(SAM_USER_ID)) ?? null,
    [],
  );
  const [text, setText] = useState('');
  const ask = useMutation({ mutationFn: (message: string) => sam.ask(message) });

  if (samConversation === undefined) return null;
  if (samConversation) return <ConversationView conversationId={samConversation.conversationId} sam />;

  function submit(e: FormEvent) {
    e.preventDefault();
    ask.mutate(text);
  }
  return (
    <section className="sam-intro" aria-labelledby="sam-title">
      <h1 id="sam-title">Sam, your concierge</h1>
      <p>Tell Sam who you want to talk to, about what, and when. Sam finds hosts and sets up the session.</p>
      {ask.isSuccess ? (
        <p className="muted" role="status">
          Sam is on it…
        </p>
      ) : (
        <form className="composer" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="sam-first">
            Ask Sam
          </label>
          <textarea id="sam-first" required value={text} onChange={(e) => setText(e.target.value)} placeholder="I'd like to talk to a chess coach this week…" />
          <button className="primary" type="submit" disabled={ask.isPending}>
            Ask
          </button>
        </form>
      )}
      <ErrorAlert message={ask.error ? errorText(ask.error) : undefined} />
    </section>
  );
}
