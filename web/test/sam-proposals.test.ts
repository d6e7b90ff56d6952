import { describe, expect, it } from 'vitest';
import { bookedFromProposal, proposalUsedLabel } from '../src/samProposals';
import type { Session } from '../src/types';

function session(id: string, samActionId: string | null | undefined, status: Session['status'], requestedAt: string): Session {
  return {
    sessionId: id,
    guestUserId: 'g',
    hostUserId: 'h',
    conversationId: null,
    startTime: '2026-12-08T10:00:00Z',
    durationMinutes: 20,
    agreedPrice: { amountCents: 4000, currency: 'usd' },
    paymentMode: 'paid',
    status,
    requestedAt,
    updatedAt: requestedAt,
    samActionId,
  };
}

describe("a Sam proposal's card remembers what became of it (from synced sessions)", () => {
  const sessions = [
    session('a', 'action-1', 'declined', '2026-12-07T09:00:00Z'),
    session('b', 'action-1', 'requested', '2026-12-07T09:05:00Z'),
    session('c', null, 'requested', '2026-12-07T09:10:00Z'),
    session('d', undefined, 'confirmed', '2026-12-07T09:11:00Z'),
  ];

  it('finds the newest session booked from the proposal', () => {
    expect(bookedFromProposal('action-1', sessions)?.sessionId).toBe('b');
  });

  it('leaves a proposal nobody booked, or one without an id, open', () => {
    expect(bookedFromProposal('action-2', sessions)).toBeUndefined();
    expect(bookedFromProposal(undefined, sessions)).toBeUndefined();
  });

  it('says what happened in plain words', () => {
    expect(proposalUsedLabel(session('x', 'a', 'requested', ''))).toBe('Requested — see Sessions');
    expect(proposalUsedLabel(session('x', 'a', 'declined', ''))).toBe('Declined by the host — see Sessions');
    expect(proposalUsedLabel(session('x', 'a', 'awaiting_payment', ''))).toBe('Accepted, awaiting payment — see Sessions');
  });
});
