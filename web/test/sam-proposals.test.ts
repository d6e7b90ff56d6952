import { describe, expect, it } from 'vitest';
import { bookedFromProposal, proposalUsedLabel, requestFromProposal, requestUsedLabel } from '../src/samProposals';
import type { ManagedRequest, Session } from '../src/types';

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

function request(id: string, samActionId: string | null, status: string, createdAt: string): ManagedRequest {
  return {
    requestId: id,
    requesterId: 'g',
    hostUserId: 'h',
    managerId: 'm',
    representativeName: null,
    message: 'hello',
    status,
    conversationId: null,
    createdAt,
    decidedAt: null,
    decidedBy: null,
    reason: null,
    samActionId,
  };
}

describe("a Sam open_request card remembers the request sent from it", () => {
  const requests = [request('r1', 'action-9', 'declined', '2026-12-07T09:00:00Z'), request('r2', 'action-9', 'pending', '2026-12-07T09:01:00Z'), request('r3', null, 'pending', '2026-12-07T09:02:00Z')];

  it('finds the newest request sent from the proposal and says what became of it', () => {
    const sent = requestFromProposal('action-9', requests);
    expect(sent?.requestId).toBe('r2');
    expect(requestUsedLabel(sent!)).toBe('Request sent to the representative — see Sessions');
    expect(requestFromProposal('action-1', requests)).toBeUndefined();
  });
});
