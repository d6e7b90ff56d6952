import type { ReactNode } from 'react';
import { errorText } from '../endpoints';
import { formatAmount } from '../money';
import { paymentStatusText } from '../moneyViews';
import { useEarnings, usePayments } from '../moneyQueries';
import { useUi } from '../store';
import type { Earnings } from '../types';
import { ErrorAlert } from './ErrorAlert';

const forWhat = (kind: string) => (kind === 'donation' ? 'Tip' : 'Session');
const refunded = (cents: number, currency: string) => (cents ? formatAmount(cents, currency) : '—');

const day = (iso: string) => new Date(iso).toLocaleDateString([], { year: 'numeric', month: 'short', day: 'numeric' });

/** `#/money`: what a guest paid (receipts, refunds) and, for a host, what they earned per session and in total. */
export default function MoneyPage() {
  const user = useUi((s) => s.user!);
  const isHost = user.roles.includes('host');
  return (
    <section className="money" aria-labelledby="money-title">
      <h1 id="money-title">Money</h1>
      {isHost && <HostEarnings />}
      <GuestPayments me={user.id} />
    </section>
  );
}

function GuestPayments({ me }: { me: string }) {
  const list = usePayments();
  const paid = list.data?.items.filter((p) => p.payerUserId === me);
  return (
    <section className="card" aria-labelledby="payments-title" data-testid="guest-payments">
      <h2 id="payments-title">Your payments</h2>
      <ErrorAlert message={list.error ? errorText(list.error) : undefined} />
      {paid?.length === 0 && <p className="muted">No payments yet.</p>}
      {!!paid?.length && (
        <MoneyTable
          rows={paid}
          row={(p) => ({
            key: p.paymentId,
            attributes: { 'data-testid': 'payment-row', 'data-status': p.status, 'data-refunded': p.receipt.refundedCents },
          })}
          columns={[
            { label: 'Date', cell: (p) => day(p.createdAt) },
            { label: 'To', cell: (p) => p.payeeName ?? '—' },
            { label: 'For', cell: (p) => forWhat(p.kind) },
            { label: 'Amount', num: true, cell: (p) => formatAmount(p.amountCents, p.currency) },
            { label: 'Refunded', num: true, cell: (p) => refunded(p.receipt.refundedCents, p.currency) },
            { label: 'Status', cell: (p) => paymentStatusText(p) },
          ]}
        />
      )}
    </section>
  );
}

function HostEarnings() {
  const earnings = useEarnings(true);
  const e = earnings.data;
  return (
    <section className="card" aria-labelledby="earnings-title" data-testid="host-earnings">
      <h2 id="earnings-title">Your earnings</h2>
      <ErrorAlert message={earnings.error ? errorText(earnings.error) : undefined} />
      {e && <Totals earnings={e} />}
      {e?.items.length === 0 && <p className="muted">Nothing earned yet. Paid sessions and tips show here once paid.</p>}
      {!!e?.items.length && (
        <MoneyTable
          rows={e.items}
          row={(i) => ({ key: i.paymentId, attributes: { 'data-testid': 'earning-row', 'data-refunded': i.refundedCents } })}
          columns={[
            { label: 'Date', cell: (i) => day(i.paidAt) },
            { label: 'From', cell: (i) => i.payerName ?? '—' },
            { label: 'For', cell: (i) => forWhat(i.kind) },
            { label: 'Gross', num: true, cell: (i) => formatAmount(i.grossCents, i.currency) },
            { label: 'Platform fee', num: true, cell: (i) => formatAmount(i.feeCents, i.currency) },
            { label: 'Refunded', num: true, cell: (i) => refunded(i.refundedCents, i.currency) },
            { label: 'Net', num: true, cell: (i) => formatAmount(i.netCents, i.currency) },
          ]}
        />
      )}
    </section>
  );
}

interface Column<T> {
  label: string;
  /** Right-aligned tabular figures. */
  num?: boolean;
  cell: (row: T) => ReactNode;
}

/**
 * A table of money rows; on narrow screens each row is a card whose cells name their column (`data-label`, see
 * money.css), so the header and the labels come from the same `columns`.
 */
function MoneyTable<T>({
  rows,
  row,
  columns,
}: {
  rows: T[];
  row: (r: T) => { key: string; attributes: Record<`data-${string}`, string | number> };
  columns: Column<T>[];
}) {
  return (
    <div className="table-wrap">
      <table className="money-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const { key, attributes } = row(r);
            return (
              <tr key={key} {...attributes}>
                {columns.map((c) => (
                  <td key={c.label} data-label={c.label} className={c.num ? 'num' : undefined}>
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Totals({ earnings: e }: { earnings: Earnings }) {
  return (
    <dl className="money-totals" data-testid="earnings-totals">
      <div>
        <dt>Gross</dt>
        <dd>{formatAmount(e.grossCents, e.currency)}</dd>
      </div>
      <div>
        <dt>Platform fee</dt>
        <dd>{formatAmount(e.feeCents, e.currency)}</dd>
      </div>
      <div>
        <dt>Refunded</dt>
        <dd>{formatAmount(e.refundedCents, e.currency)}</dd>
      </div>
      <div>
        <dt>Net</dt>
        <dd data-testid="earnings-net">{formatAmount(e.netCents, e.currency)}</dd>
      </div>
    </dl>
  );
}
