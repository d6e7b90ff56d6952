import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText, type MetricsSnapshot } from '../../endpoints';
import { admin } from '../../viewEndpoints';
import { appendSample, humanLabel, type Sample } from '../../metricsHistory';
import { formatAmount } from '../../money';
import { clockTime } from '../../time';
import { Bars, LineChart } from './Charts';

/** How often the page asks for the latest snapshot: the metrics topology publishes one every 5 s by default. */
const REFRESH_MS = 5000;

/** Live platform metrics: charts that grow while the page is open, figures with human labels, money formatted. */
export function MetricsDashboard() {
  const [history, setHistory] = useState<Sample[]>([]);
  const [seen, setSeen] = useState<MetricsSnapshot>();
  const query = useQuery({ queryKey: ['admin', 'metrics'], queryFn: admin.metrics, refetchInterval: REFRESH_MS, staleTime: 0 });
  const snapshot = query.data;
  // Each new snapshot becomes a sample (during render: React's way to derive state from a changing input).
  if (snapshot && snapshot !== seen) {
    setSeen(snapshot);
    setHistory((h) => appendSample(h, snapshot));
  }

  if (!snapshot) return query.error ? <p className="error">{errorText(query.error)}</p> : <p className="muted">Loading…</p>;
  const series = (pick: (s: Sample) => number | null) =>
    history.flatMap((s) => (pick(s) === null ? [] : [{ at: s.at, value: pick(s)! }]));
  const revenue = Object.entries(snapshot.revenue24h);
  return (
    <div className="metrics" data-testid="metrics">
      <p className="muted" role="status">
        Updated {clockTime(snapshot.asOf)}, every {snapshot.intervalSeconds} s{query.error ? ` · refresh failed: ${errorText(query.error)}` : ''}
      </p>
      <div className="chart-grid">
        <LineChart id="messages-per-minute" title="Messages per minute" points={series((s) => s.messagesPerMinute)} />
        <LineChart
          id="active-conversations"
          title={`Active conversations (last ${snapshot.activeWindowMinutes} min)`}
          points={series((s) => s.activeConversations)}
        />
        <Bars
          id="sessions-by-status"
          title="Sessions by status"
          empty="No open sessions."
          bars={Object.entries(snapshot.sessionsByStatus).map(([status, n]) => ({ label: humanLabel(status), value: n }))}
        />
        <LineChart id="sam-queue" title="Sam: questions waiting" points={series((s) => s.samQueueDepth)} />
        <figure className="chart card" data-testid="chart-sam-latency">
          <figcaption>
            <span className="chart-title">Sam: answer time</span>
          </figcaption>
          <dl className="figures-grid">
            <dt>Typical (median)</dt>
            <dd>{millis(snapshot.sam.latencyP50Ms)}</dd>
            <dt>Slow (95th percentile)</dt>
            <dd>{millis(snapshot.sam.latencyP95Ms)}</dd>
            <dt>Answers measured</dt>
            <dd>{snapshot.sam.latencySamples}</dd>
          </dl>
        </figure>
        <figure className="chart card" data-testid="chart-revenue">
          <figcaption>
            <span className="chart-title">Revenue, last 24 h</span>
          </figcaption>
          {revenue.length === 0 ? (
            <p className="muted">No payments in the last 24 hours.</p>
          ) : (
            <dl className="figures-grid">
              {revenue.map(([currency, r]) => (
                <div key={currency} className="figure-group">
                  <dt>Paid ({currency.toUpperCase()})</dt>
                  <dd>{formatAmount(r.grossSucceededCents, currency)}</dd>
                  <dt>Refunded</dt>
                  <dd>{formatAmount(r.refundedCents, currency)}</dd>
                  <dt>Platform fees</dt>
                  <dd>{formatAmount(r.platformFeeCents, currency)}</dd>
                </div>
              ))}
            </dl>
          )}
        </figure>
        <figure className="chart card" data-testid="chart-requests">
          <figcaption>
            <span className="chart-title">Requests waiting for a manager</span>
            <span className="chart-value">{snapshot.requestsPending}</span>
          </figcaption>
        </figure>
      </div>
    </div>
  );
}

function millis(ms: number | null): string {
  if (ms === null) return 'no answers yet';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
