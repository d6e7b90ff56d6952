/** Small SVG charts for the admin dashboard: no chart library, so the admin chunk stays small. */

const W = 300;
const H = 80;

export interface Point {
  at: number;
  value: number;
}

/** A line over time with its latest value; one point draws as a dot (the history grows while the page is open). */
export function LineChart({ id, title, points, unit }: { id: string; title: string; points: Point[]; unit?: string }) {
  const latest = points.at(-1)?.value;
  const max = Math.max(1, ...points.map((p) => p.value));
  const first = points[0]?.at ?? 0;
  const span = Math.max(1, (points.at(-1)?.at ?? 0) - first);
  const xy = points.map((p) => [points.length === 1 ? W : ((p.at - first) / span) * W, H - (p.value / max) * (H - 6) - 3]);
  const summary = latest === undefined ? 'no data yet' : `now ${latest}${unit ? ` ${unit}` : ''}, highest ${max}`;
  return (
    <figure className="chart card" data-testid={`chart-${id}`} data-points={points.length} data-latest={latest ?? ''}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-value">{latest ?? '—'}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={`${title}: ${summary}`}>
        <line x1="0" y1={H - 3} x2={W} y2={H - 3} className="axis" />
        {xy.length > 1 && <polyline points={xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} className="series" />}
        {xy.length > 0 && <circle cx={xy.at(-1)![0]} cy={xy.at(-1)![1]} r="3" className="series-dot" />}
      </svg>
      <p className="muted chart-note">{points.length > 1 ? `since this page opened · highest ${max}` : 'history builds while this page is open'}</p>
    </figure>
  );
}

/** Labelled horizontal bars, e.g. sessions by status. */
export function Bars({ id, title, bars, empty }: { id: string; title: string; bars: { label: string; value: number }[]; empty: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="chart card" data-testid={`chart-${id}`}>
      <figcaption>
        <span className="chart-title">{title}</span>
      </figcaption>
      {bars.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="bars">
          {bars.map((b) => (
            <li key={b.label}>
              <span className="bar-label">{b.label}</span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar" style={{ width: `${(b.value / max) * 100}%` }} />
              </span>
              <span className="bar-value">{b.value}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
