import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { Session } from '../types';

// The confirmation and its refund rule load when someone cancels (the first-visit budget, scripts/bundle-size.mjs).
const CancelConfirm = dynamic(() => import('./CancelConfirm'), { ssr: false });

/**
 * Cancelling asks first and says what it will refund, by the server's own rule ("You will be refunded $25.00" /
 * "No refund: cancelled less than 24 h before the start"), fetched when the person asks to cancel.
 */
export function CancelSession({
  session,
  me,
  label,
  busy,
  onConfirm,
}: {
  session: Session;
  me: string;
  label: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button className="quiet" disabled={busy} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return <CancelConfirm session={session} me={me} busy={busy} onConfirm={onConfirm} onDone={() => setAsking(false)} />;
}
