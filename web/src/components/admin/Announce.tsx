import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText } from '../../endpoints';
import { admin } from '../../viewEndpoints';

/** Publishes an announcement: every open page shows it at once, and every page opened later loads it. */
export function Announce() {
  const [message, setMessage] = useState('');
  const [level, setLevel] = useState<'info' | 'warning'>('info');
  const client = useQueryClient();
  const publish = useMutation({
    mutationFn: () => admin.announce(message.trim(), level),
    onSuccess: () => {
      setMessage('');
      void client.invalidateQueries({ queryKey: ['announcements'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    publish.mutate();
  }
  return (
    <form className="card form" onSubmit={submit}>
      <label>
        Announcement
        <textarea required maxLength={1000} value={message} onChange={(e) => setMessage(e.target.value)} />
      </label>
      <label>
        Level
        <select value={level} onChange={(e) => setLevel(e.target.value as 'info' | 'warning')}>
          <option value="info">Information</option>
          <option value="warning">Warning</option>
        </select>
      </label>
      <button className="primary" type="submit" disabled={publish.isPending}>
        Publish
      </button>
      {publish.isSuccess && <p className="muted" role="status">Announced to everyone.</p>}
      {publish.error && <p className="error">{errorText(publish.error)}</p>}
    </form>
  );
}
