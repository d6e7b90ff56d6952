import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { db } from '../services';
import { errorText, requests } from '../endpoints';
import type { User } from '../types';
import { ErrorAlert } from './ErrorAlert';

const MESSAGE_MAX = 2000; // create-request.json

/** The introduction request's message; sent, it waits for the representative's decision (SessionsPanel shows it). */
export default function IntroductionForm({ host, onCancel }: { host: User; onCancel: () => void }) {
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () => requests.open(host.id, text.trim()),
    onSuccess: async (request) => {
      if (request?.requesterId) await db.requests.put(request); // a 202 (pending) arrives later by sync
    },
  });
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
        <button className="quiet" type="button" onClick={onCancel}>
          Not now
        </button>
      </div>
    </form>
  );
}
