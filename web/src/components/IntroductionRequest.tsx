import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { db } from '../services';
import { errorText, requests } from '../endpoints';
import type { User } from '../types';
import { ErrorAlert } from './ErrorAlert';

const MESSAGE_MAX = 2000; // create-request.json

/**
 * A managed host is reached through their representative: "Request an introduction" opens a message form; the server
 * routes it to the host's manager (the client never names the manager).
 */
export function IntroductionRequest({ host }: { host: User }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () => requests.open(host.id, text.trim()),
    onSuccess: async (request) => {
      if (request?.requesterId) await db.requests.put(request); // a 202 (pending) arrives later by sync
    },
  });
  if (!open) {
    return (
      <button className="primary" onClick={() => setOpen(true)} aria-label={`Request an introduction to ${host.displayName}`}>
        Request an introduction
      </button>
    );
  }
  if (send.isSuccess) {
    return (
      <p className="success" role="status" data-testid="introduction-sent">
        Sent. {host.representativeName ?? 'Their representative'} will answer; you can chat once it is approved.
      </p>
    );
  }
  return (
    <form
      className="form"
      aria-label={`Introduction to ${host.displayName}`}
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <p className="muted">
        {host.displayName} is reached through {host.representativeName ?? 'a representative'}.
      </p>
      <label>
        Why do you want to talk?
        <textarea required maxLength={MESSAGE_MAX} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <ErrorAlert message={send.error ? errorText(send.error) : undefined} />
      <div className="session-actions">
        <button className="primary" type="submit" disabled={send.isPending || !text.trim()}>
          Send request
        </button>
        <button className="quiet" type="button" onClick={() => setOpen(false)}>
          Not now
        </button>
      </div>
    </form>
  );
}
