import { ApiError } from './api';
import type { Money, PaymentMode, Session, User } from './types';

/**
 * The money rules every visit needs, as pure functions (unit-tested in test/money.test.ts): amounts, what a host
 * offers, what a session lets its guest do. The rules of the views loaded on demand are in moneyViews.ts.
 */

export const DEFAULT_CURRENCY = 'usd';

/** An amount in the reader's locale, always with its currency ("$25.00", "$0.00"). */
export function formatAmount(amountCents: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() }).format(amountCents / 100);
  } catch {
    return `${(amountCents / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

/** One way to book a host, with the price the guest will be asked to pay (0 unless paid). */
export interface BookingOption {
  mode: PaymentMode;
  price: Money;
  label: string;
}

/**
 * What a host offers (the server's BookingPrice rule): a priced host is paid, at their price per session whatever its
 * length; a host who charges nothing is free, or a donation where they welcome donations.
 */
export function bookingOptions(host: Pick<User, 'priceCents' | 'currency' | 'donationsWelcome'>): BookingOption[] {
  const currency = host.currency ?? DEFAULT_CURRENCY;
  if (host.priceCents && host.priceCents > 0) {
    return [{ mode: 'paid', price: { amountCents: host.priceCents, currency }, label: `${formatAmount(host.priceCents, currency)} per session` }];
  }
  const free: BookingOption = { mode: 'free', price: { amountCents: 0, currency }, label: 'Free' };
  return host.donationsWelcome
    ? [free, { mode: 'donation', price: { amountCents: 0, currency }, label: 'Free, with a tip afterwards if you like' }]
    : [free];
}

/** The guest of a paid session the host accepted may pay it now. */
export function canPay(session: Session, me: string): boolean {
  return session.status === 'awaiting_payment' && session.guestUserId === me && session.paymentMode === 'paid';
}

/** The guest may tip after a completed donation-mode session. */
export function canTipAfter(session: Session, me: string): boolean {
  return session.status === 'completed' && session.guestUserId === me && session.paymentMode === 'donation';
}

export function payLabel(session: Session): string {
  return `Pay ${formatAmount(session.agreedPrice.amountCents, session.agreedPrice.currency)}`;
}

/** The 409 a host gets accepting a paid session before they can be paid (MONEY-CONTRACT.md, New 7). */
export function isPayoutsNotReady(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && !!error.problem.type?.endsWith('/payouts-not-ready');
}

