import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api';
import { bookingOptions, canPay, canTipAfter, formatAmount, isPayoutsNotReady, payLabel } from '../src/money';
import {
  connectSummary,
  paymentOutcome,
  paymentStatusText,
  parseAmount,
  parseTags,
  profileFormErrors,
  refundLine,
  type ProfileForm,
} from '../src/moneyViews';
import type { Payment } from '../src/types';
import { GUEST, HOST, session } from './sessions.fixture';

const usd = (cents: number) => formatAmount(cents, 'usd');

describe('amounts', () => {
  it('formats with Intl, zero included', () => {
    expect(usd(2500)).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(25));
    expect(usd(0)).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(0));
  });

  it('falls back to the code for a currency Intl does not know', () => {
    expect(formatAmount(1234, 'x1z')).toBe('12.34 X1Z');
  });

  it('parses what a person types, at most two decimals, never negative', () => {
    expect(parseAmount('25')).toBe(2500);
    expect(parseAmount(' 12.5 ')).toBe(1250);
    expect(parseAmount('0.07')).toBe(7);
    expect(parseAmount('19.99')).toBe(1999);
    expect(parseAmount('1.999')).toBeUndefined();
    expect(parseAmount('-3')).toBeUndefined();
    expect(parseAmount('ten')).toBeUndefined();
    expect(parseAmount('')).toBeUndefined();
  });
});

describe('what a host offers (the server rule: BookingPrice)', () => {
  it('a priced host is paid at their price, whatever the guest would like', () => {
    const options = bookingOptions({ priceCents: 2500, currency: 'eur', donationsWelcome: true });
    expect(options.map((o) => [o.mode, o.price])).toEqual([['paid', { amountCents: 2500, currency: 'eur' }]]);
  });

  it('a free host is free, plus donation only where welcomed', () => {
    expect(bookingOptions({ priceCents: 0, donationsWelcome: false }).map((o) => o.mode)).toEqual(['free']);
    expect(bookingOptions({ priceCents: null, donationsWelcome: true }).map((o) => o.mode)).toEqual(['free', 'donation']);
    expect(bookingOptions({ priceCents: null, donationsWelcome: true })[1]!.price).toEqual({ amountCents: 0, currency: 'usd' });
  });
});

describe('which money actions a session allows', () => {
  it('only the guest pays, only while the session awaits payment, only a paid one', () => {
    expect(canPay(session('awaiting_payment'), GUEST)).toBe(true);
    expect(canPay(session('awaiting_payment'), HOST)).toBe(false);
    for (const status of ['requested', 'confirmed', 'cancelled', 'completed'] as const) expect(canPay(session(status), GUEST)).toBe(false);
    expect(canPay(session('awaiting_payment', 'donation'), GUEST)).toBe(false);
    expect(payLabel(session('awaiting_payment'))).toBe(`Pay ${usd(2500)}`);
  });

  it('the guest may tip after a completed donation-mode session, not before, not the host', () => {
    expect(canTipAfter(session('completed', 'donation'), GUEST)).toBe(true);
    expect(canTipAfter(session('completed', 'donation'), HOST)).toBe(false);
    expect(canTipAfter(session('in_progress', 'donation'), GUEST)).toBe(false);
    expect(canTipAfter(session('completed', 'paid'), GUEST)).toBe(false);
  });

  it('recognises the payouts-not-ready conflict, and only it', () => {
    const notReady = new ApiError(409, { type: 'https://humanchat.dev/problems/payouts-not-ready', detail: 'Connect Stripe' });
    expect(isPayoutsNotReady(notReady)).toBe(true);
    expect(isPayoutsNotReady(new ApiError(409, { type: 'https://humanchat.dev/problems/conflict' }))).toBe(false);
    expect(isPayoutsNotReady(new Error('payouts-not-ready'))).toBe(false);
  });
});

describe('refunds and payments in words', () => {
  it('says what a cancellation refunds, to the guest and to the host', () => {
    const preview = { sessionId: 's', cancellable: true, refund: { amountCents: 2500, currency: 'usd' }, message: 'you will be refunded 25.00 USD (…)' };
    expect(refundLine(preview, true)).toBe(`You will be refunded ${usd(2500)}`);
    expect(refundLine(preview, false)).toBe(`The guest will be refunded ${usd(2500)}`);
  });

  it("gives the server's reason when nothing comes back", () => {
    const late = { sessionId: 's', cancellable: true, refund: { amountCents: 0, currency: 'usd' }, message: 'no refund: cancelled less than 24 h before the start' };
    expect(refundLine(late, true)).toBe('No refund: cancelled less than 24 h before the start');
    const unpaid = { sessionId: 's', cancellable: true, refund: null, message: 'nothing was paid, so there is nothing to refund' };
    expect(refundLine(unpaid, true)).toBe('Nothing was paid, so there is nothing to refund');
  });

  const payment = (over: Partial<Payment>): Payment => ({
    paymentId: 'p',
    kind: 'session',
    payerUserId: GUEST,
    payeeUserId: HOST,
    status: 'succeeded',
    amountCents: 2500,
    currency: 'usd',
    receipt: { feeCents: 250, refundedCents: 0, netCents: 2250 },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  });
  const refunded = (cents: number) => ({ feeCents: 250 - (250 * cents) / 2500, refundedCents: cents, netCents: 0 });

  it('names the state of a payment, refunds first', () => {
    expect(paymentStatusText(payment({}))).toBe('Paid');
    expect(paymentStatusText(payment({ status: 'refunded', receipt: refunded(2500) }))).toBe('Refunded');
    expect(paymentStatusText(payment({ receipt: refunded(1000) }))).toBe(`Partly refunded (${usd(1000)})`);
    expect(paymentStatusText(payment({ status: 'pending' }))).toBe('Waiting for payment');
    expect(paymentStatusText(payment({ status: 'failed', clientSecret: 'pi_1_secret_x' }))).toBe('Declined, can be paid with another card');
    expect(paymentStatusText(payment({ status: 'failed' }))).toBe('Not paid');
  });
});

describe("Stripe's answers in words", () => {
  it('succeeded, processing and requires_action from the intent', () => {
    expect(paymentOutcome({ paymentIntent: { status: 'succeeded' } }).kind).toBe('succeeded');
    expect(paymentOutcome({ paymentIntent: { status: 'processing' } }).kind).toBe('processing');
    const action = paymentOutcome({ paymentIntent: { status: 'requires_action' } });
    expect(action.kind).toBe('requires_action');
    expect(action.text).toMatch(/bank needs you to confirm/);
  });

  it('a declined card says so, with Stripe’s message; other errors pass their message on', () => {
    const declined = paymentOutcome({ error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } });
    expect(declined.kind).toBe('declined');
    expect(declined.text).toBe('Your card was declined. Try another card.');
    expect(paymentOutcome({ error: { code: 'card_declined' } }).text).toBe('Your card was declined. Try another card.');
    expect(paymentOutcome({ error: { type: 'api_error', message: 'Try later' } })).toEqual({ kind: 'failed', text: 'Try later' });
  });

  it('describes the Connect account from its flags', () => {
    const base = { connected: true, detailsSubmitted: true, chargesEnabled: true, payoutsEnabled: true, requirements: [] };
    expect(connectSummary({ ...base, connected: false, detailsSubmitted: false, chargesEnabled: false, payoutsEnabled: false })).toMatch(/^Not connected/);
    expect(connectSummary(base)).toMatch(/^Ready/);
    expect(connectSummary({ ...base, payoutsEnabled: false })).toMatch(/payouts start/);
    expect(connectSummary({ ...base, chargesEnabled: false, payoutsEnabled: false })).toMatch(/checking your details/);
    expect(connectSummary({ ...base, detailsSubmitted: false, chargesEnabled: false, payoutsEnabled: false })).toMatch(/not finished/);
  });
});

describe('the Settings form refuses what update-profile.json refuses', () => {
  const valid: ProfileForm = { displayName: 'Maya', bio: '', tags: 'chess, #Coaching chess', price: '25', currency: 'USD', requestHoldMinutes: '' };

  it('accepts a valid form, and tags come out as the server stores them', () => {
    expect(profileFormErrors(valid, true)).toEqual({});
    expect(parseTags(valid.tags)).toEqual(['chess', 'coaching']);
  });

  it('names each broken limit in words', () => {
    const errors = profileFormErrors(
      {
        displayName: ' ',
        bio: 'x'.repeat(2001),
        tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(','),
        price: '100000.01',
        currency: 'dollars',
        requestHoldMinutes: '10081',
      },
      true,
    );
    expect(Object.keys(errors).sort()).toEqual(['bio', 'currency', 'displayName', 'price', 'requestHoldMinutes', 'tags']);
    expect(errors.displayName).toBe('Your name cannot be empty.');
    expect(profileFormErrors({ ...valid, displayName: 'x'.repeat(81) }, true).displayName).toMatch(/at most 80/);
    expect(profileFormErrors({ ...valid, tags: 'x'.repeat(41) }, true).tags).toMatch(/at most 40/);
    expect(profileFormErrors({ ...valid, price: '25.999' }, true).price).toMatch(/as a number/);
  });

  it('the limits are inclusive, like the schema', () => {
    const atLimits = { ...valid, displayName: 'x'.repeat(80), bio: 'x'.repeat(2000), price: '100000', requestHoldMinutes: '10080' };
    expect(profileFormErrors(atLimits, true)).toEqual({});
  });

  it('a guest has no price or currency to get wrong', () => {
    expect(profileFormErrors({ ...valid, price: 'abc', currency: '' }, false)).toEqual({});
  });
});
