import { errorText } from '../endpoints';
import { formatAmount } from '../money';
import { paymentStatusText } from '../moneyViews';
import { useEarnings, usePayments } from '../moneyQueries';
import { useUi } from '../store';
import type { Earnings } from '../types';
import { ErrorAlert } from './ErrorAlert';

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
        <div className="table-wrap">
          <table className="money-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">To</th>
                <th scope="col">For</th>
                <th scope="col" className="num">Amount</th>
                <th scope="col" className="num">Refunded</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {paid.map((p) => {
                const r = p.receipt;
                return (
                  <tr key={p.paymentId} data-testid="payment-row" data-status={p.status} data-refunded={r.refundedCents}>
                    <td data-label="Date">{day(p.createdAt)}</td>
                    <td data-label="To">{p.payeeName ?? '—'}</td>
                    <td data-label="For">{p.kind === 'donation' ? 'Tip' : 'Session'}</td>
                    <td data-label="Amount" className="num">{formatAmount(p.amountCents, p.currency)}</td>
                    <td data-label="Refunded" className="num">{r.refundedCents ? formatAmount(r.refundedCents, p.currency) : '—'}</td>
                    <td data-label="Status">{paymentStatusText(p)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
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
        <div className="table-wrap">
          <table className="money-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">From</th>
                <th scope="col">For</th>
                <th scope="col" className="num">Gross</th>
                <th scope="col" className="num">Platform fee</th>
                <th scope="col" className="num">Refunded</th>
                <th scope="col" className="num">Net</th>
              </tr>
            </thead>
            <tbody>
              {e.items.map((i) => (
                <tr key={i.paymentId} data-testid="earning-row" data-refunded={i.refundedCents}>
                  <td data-label="Date">{day(i.paidAt)}</td>
                  <td data-label="From">{i.payerName ?? '—'}</td>
                  <td data-label="For">{i.kind === 'donation' ? 'Tip' : 'Session'}</td>
                  <td data-label="Gross" className="num">{formatAmount(i.grossCents, i.currency)}</td>
                  <td data-label="Platform fee" className="num">{formatAmount(i.feeCents, i.currency)}</td>
                  <td data-label="Refunded" className="num">{i.refundedCents ? formatAmount(i.refundedCents, i.currency) : '—'}</td>
                  <td data-label="Net" className="num">{formatAmount(i.netCents, i.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
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
