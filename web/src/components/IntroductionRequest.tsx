import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { User } from '../types';

// The form loads when someone asks (the first-visit budget, scripts/bundle-size.mjs).
const IntroductionForm = dynamic(() => import('./IntroductionForm'), { ssr: false });

/**
 * A managed host is reached through their representative: "Request an introduction" opens a message form; the server
 * routes it to the host's manager (the client never names the manager).
 */
export function IntroductionRequest({ host }: { host: User }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button className="primary" onClick={() => setOpen(true)} aria-label={`Request an introduction to ${host.displayName}`}>
        Request an introduction
      </button>
    );
  }
  return <IntroductionForm host={host} onCancel={() => setOpen(false)} />;
}
