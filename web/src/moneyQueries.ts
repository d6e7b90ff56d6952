import { useQuery } from '@tanstack/react-query';
import { bookingTerms, payments, profile, sessionMoney } from './endpoints';
import { queryClient } from './queries';

/**
 * The money views' server state through React Query. Keys start with what they are about, so one
 * `invalidateQueries` refreshes every view of it: `moneyChanged` runs on each `payment.updated` frame.
 */
export const moneyKeys = {
  me: ['me'] as const,
  terms: ['booking-terms'] as const,
  connect: ['connect-status'] as const,
  payments: ['payments'] as const,
  payment: (paymentId: string) => ['payment', paymentId] as const,
  earnings: ['earnings'] as const,
  cancellation: (sessionId: string) => ['cancellation', sessionId] as const,
};

/** A payment or a Connect account changed (socket frame): lists, receipts, totals and status are refetched where shown. */
export function moneyChanged(): void {
  for (const key of [moneyKeys.payments, ['payment'], moneyKeys.earnings, moneyKeys.connect]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

/** The caller's own account, as Settings edits it. */
export function useMe() {
  return useQuery({ queryKey: moneyKeys.me, queryFn: profile.me });
}

export function useBookingTerms(enabled: boolean) {
  return useQuery({ queryKey: moneyKeys.terms, queryFn: bookingTerms.get, enabled });
}

/** The host's Stripe account; fresh each time Settings opens (the host may just be back from Stripe). */
export function useConnectStatus(enabled: boolean) {
  return useQuery({ queryKey: moneyKeys.connect, queryFn: payments.connectStatus, enabled, staleTime: 0 });
}

export function usePayments() {
  return useQuery({ queryKey: moneyKeys.payments, queryFn: () => payments.list() });
}

export function useEarnings(enabled: boolean) {
  return useQuery({ queryKey: moneyKeys.earnings, queryFn: payments.earnings, enabled });
}

/**
 * One payment, polled each second while its intent is being made (no clientSecret yet): the payments worker creates
 * it after the 202, and the socket's `payment.updated` may arrive before or after this query starts.
 */
export function usePayment(paymentId: string | undefined) {
  return useQuery({
    queryKey: moneyKeys.payment(paymentId ?? ''),
    queryFn: () => payments.get(paymentId!),
    enabled: !!paymentId,
    staleTime: 0,
    refetchInterval: (query) => {
      const p = query.state.data;
      return !p || (!p.clientSecret && p.status === 'pending') ? 1000 : false;
    },
  });
}

/** What cancelling now would refund: asked afresh each time (the answer depends on the time left). */
export function useCancellationPreview(sessionId: string) {
  return useQuery({
    queryKey: moneyKeys.cancellation(sessionId),
    queryFn: () => sessionMoney.cancellation(sessionId),
    staleTime: 0,
    gcTime: 0,
  });
}
