import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { User } from '../types';

// The amount form and the payment load when someone tips (the first-visit budget, scripts/bundle-size.mjs).
const TipDialog = dynamic(() => import('./TipDialog'), { ssr: false });

/**
 * "Tip" a host who welcomes donations: an amount, then the Payment Element. Once paid, the server posts "<name> tipped
 * $5.00" into the conversation as a system message, so the thread shows it on both sides.
 */
export function TipButton({ host, conversationId, sessionId }: { host: User; conversationId?: string; sessionId?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="quiet" onClick={() => setOpen(true)} aria-label={`Tip ${host.displayName}`}>
        Tip
      </button>
      {open && (
        <TipDialog host={host} conversationId={conversationId} sessionId={sessionId} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
