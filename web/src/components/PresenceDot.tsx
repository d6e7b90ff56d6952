import { useUi } from '../store';

/** A user's live presence (from `presence` frames, or a REST value until one arrives). */
export function PresenceDot({ userId, fallback }: { userId: string; fallback?: string }) {
  const status = useUi((s) => s.presence[userId]) ?? fallback ?? 'offline';
  return <span className={`presence presence-${status}`} role="img" aria-label={status} data-presence={status} title={status} />;
}
