import type { MetricsSnapshot } from './endpoints';

/** At most this many samples are kept: an hour of the topology's 5 s snapshots. */
export const HISTORY_LIMIT = 720;

export interface Sample {
  /** epoch millis of the snapshot's `asOf` */
  at: number;
  messagesPerMinute: number;
  activeConversations: number;
  samQueueDepth: number;
  samLatencyP95Ms: number | null;
}

/**
 * The history a dashboard draws: the snapshots it sampled since it opened (the API gives only the latest). A refetch
 * that returns the snapshot already held adds nothing; the oldest samples go past the limit.
 */
export function appendSample(history: Sample[], snapshot: MetricsSnapshot, limit = HISTORY_LIMIT): Sample[] {
  const at = Date.parse(snapshot.asOf);
  if (Number.isNaN(at) || history.some((s) => s.at === at)) return history;
  const sample: Sample = {
    at,
    messagesPerMinute: snapshot.messagesPerMinute,
    activeConversations: snapshot.activeConversations,
    samQueueDepth: snapshot.sam.queueDepth,
    samLatencyP95Ms: snapshot.sam.latencyP95Ms,
  };
  return [...history, sample].sort((a, b) => a.at - b.at).slice(-limit);
}

/** A snake/camel-case key as words: "awaiting_payment" → "Awaiting payment". */
export function humanLabel(key: string): string {
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
