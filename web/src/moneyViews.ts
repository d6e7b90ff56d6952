import { DEFAULT_CURRENCY, formatAmount } from './money';
import type { CancellationPreview, ConnectStatus, Payment } from './types';

/**
 * The rules of the money views loaded on demand (Settings, Get paid, Money, the payment sheet, cancelling), as pure
 * functions (unit-tested in test/money.test.ts): the Settings form's limits — the same numbers as the server's request
 * schemas (edge-gateway/src/main/resources/api-schemas/), so the form refuses what the server would — receipts,
 * refunds and payment outcomes in words.
 */

export const LIMITS = {
  displayName: 80, // update-profile.json
  bio: 2000,
  tags: 20,
  tag: 40,
  priceCents: 10_000_000,
  requestHoldMinutes: 10_080, // update-booking-terms.json
  tipMinCents: 50, // create-donation.json
  tipMaxCents: 100_000_000,
} as const;

/** "12.5" → 1250; undefined for anything that is not a non-negative amount with at most two decimals. */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+(\.\d{0,2})?$/.test(trimmed)) return undefined;
  return Math.round(Number(trimmed) * 100);
}

/** Tags as the server stores them: trimmed, lower-case, without "#", once each. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,\s]+/)
    .map((t) => t.replace(/^#+/, '').trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

export interface ProfileForm {
  displayName: string;
  bio: string;
  tags: string;
  price: string;
  currency: string;
  requestHoldMinutes: string;
}

/** What is wrong with the Settings form, per field, in plain words (empty when it can be saved). */
export function profileFormErrors(form: ProfileForm, isHost: boolean): Partial<Record<keyof ProfileForm, string>> {
  const errors: Partial<Record<keyof ProfileForm, string>> = {};
  if (!form.displayName.trim()) errors.displayName = 'Your name cannot be empty.';
  else if (form.displayName.length > LIMITS.displayName)
    errors.displayName = `Your name can be at most ${LIMITS.displayName} characters.`;
  if (form.bio.length > LIMITS.bio) errors.bio = `The bio can be at most ${LIMITS.bio} characters (now ${form.bio.length}).`;
  const tags = parseTags(form.tags);
  if (tags.length > LIMITS.tags) errors.tags = `At most ${LIMITS.tags} tags (now ${tags.length}).`;
  else if (tags.some((t) => t.length > LIMITS.tag)) errors.tags = `Each tag can be at most ${LIMITS.tag} characters.`;
  if (!isHost) return errors;
  const price = form.price.trim() === '' ? 0 : parseAmount(form.price);
  if (price === undefined) errors.price = 'Write the price as a number, like 25 or 25.50.';
  else if (price > LIMITS.priceCents) errors.price = `The price can be at most ${formatAmount(LIMITS.priceCents, form.currency || DEFAULT_CURRENCY)}.`;
  if (!/^[A-Za-z]{3}$/.test(form.currency.trim())) errors.currency = 'The currency is a three-letter code, like USD or EUR.';
  const hold = form.requestHoldMinutes.trim();
  if (hold !== '' && (!/^\d+$/.test(hold) || Number(hold) > LIMITS.requestHoldMinutes))
    errors.requestHoldMinutes = `Between 0 and ${LIMITS.requestHoldMinutes} minutes (a week), or empty for the default of 24 hours.`;
  return errors;
}

/** The refund line shown before a cancellation is confirmed ("You will be refunded $25.00"). */
export function refundLine(preview: CancellationPreview, iAmGuest: boolean): string {
  if (preview.refund && preview.refund.amountCents > 0) {
    return `${iAmGuest ? 'You' : 'The guest'} will be refunded ${formatAmount(preview.refund.amountCents, preview.refund.currency)}`;
  }
  return preview.message.charAt(0).toUpperCase() + preview.message.slice(1);
}

/** A payment's state in words, for the payer's list. */
export function paymentStatusText(payment: Payment): string {
  const { refundedCents } = payment.receipt;
  if (payment.status === 'refunded' || refundedCents >= payment.amountCents) return 'Refunded';
  if (refundedCents > 0) return `Partly refunded (${formatAmount(refundedCents, payment.currency)})`;
  switch (payment.status) {
    case 'succeeded':
      return 'Paid';
    case 'failed':
      return payment.clientSecret ? 'Declined, can be paid with another card' : 'Not paid';
    default:
      return 'Waiting for payment';
  }
}

/** The shape of Stripe.js's `confirmPayment` answer that the payment sheet reads. */
export interface ConfirmResult {
  error?: { type?: string; code?: string; decline_code?: string; message?: string };
  paymentIntent?: { status: string };
}

export type Outcome = { kind: 'succeeded' | 'processing' | 'requires_action' | 'declined' | 'failed'; text: string };

/** What `confirmPayment` answered, in words the payer can act on. */
export function paymentOutcome(result: ConfirmResult): Outcome {
  if (result.error) {
    const { type, code, message } = result.error;
    if (type === 'card_error' || code === 'card_declined') {
      return { kind: 'declined', text: `${message ?? 'Your card was declined.'} Try another card.` };
    }
    return { kind: 'failed', text: message ?? 'The payment did not go through. Try again.' };
  }
  switch (result.paymentIntent?.status) {
    case 'succeeded':
      return { kind: 'succeeded', text: 'Paid. Thank you!' };
    case 'processing':
      return { kind: 'processing', text: 'Your payment is processing; we will tell you when it is done.' };
    case 'requires_action':
      return { kind: 'requires_action', text: 'Your bank needs you to confirm this payment. Finish the check it shows, then try again.' };
    default:
      return { kind: 'failed', text: 'The payment did not go through. Try again.' };
  }
}

/** The state of a host's Stripe account in one sentence. */
export function connectSummary(status: ConnectStatus): string {
  if (!status.connected) return 'Not connected yet: connect Stripe to accept paid sessions and tips.';
  if (status.chargesEnabled && status.payoutsEnabled) return 'Ready: you can accept paid sessions and receive payouts.';
  if (status.chargesEnabled) return 'You can accept paid sessions; payouts start once Stripe has what it still needs.';
  if (status.detailsSubmitted) return 'Stripe is checking your details; paid sessions open once it is done.';
  return 'Onboarding is not finished: continue with Stripe to accept paid sessions.';
}
