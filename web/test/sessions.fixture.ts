import type { Session } from '../src/types';

/** The two sides of the sessions the unit tests build. */
export const HOST = 'h';
export const GUEST = 'g';

/** A 30-minute session of GUEST with HOST: paid $25.00 unless another mode is given. */
export function session(status: Session['status'], paymentMode: Session['paymentMode'] = 'paid'): Session {
  return {
    sessionId: 's',
    guestUserId: GUEST,
    hostUserId: HOST,
    conversationId: null,
    startTime: null,
    durationMinutes: 30,
    agreedPrice: { amountCents: paymentMode === 'paid' ? 2500 : 0, currency: 'usd' },
    paymentMode,
    status,
    requestedAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}
