import { describe, expect, it } from 'vitest';
import { allowedTransitions, callable } from '../src/sessionActions';
import { hashOf, routeFromHash } from '../src/store';
import type { Session } from '../src/types';
import { GUEST, HOST, session as anySession } from './sessions.fixture';

const session = (status: Session['status']) => anySession(status, 'free');

describe('session actions offered by role (docs/sessions-and-requests.md)', () => {
  it('lets only the host accept or decline a request; the guest can only cancel it', () => {
    expect(allowedTransitions(session('requested'), HOST).map((t) => t.status)).toEqual(['accepted', 'declined', 'cancelled']);
    expect(allowedTransitions(session('requested'), GUEST).map((t) => t.status)).toEqual(['cancelled']);
  });

  it('lets either participant start or cancel a confirmed session and complete a running one', () => {
    for (const who of [HOST, GUEST]) {
      expect(allowedTransitions(session('confirmed'), who).map((t) => t.status)).toEqual(['in_progress', 'cancelled']);
      expect(allowedTransitions(session('in_progress'), who).map((t) => t.status)).toEqual(['completed']);
    }
  });

  it('offers Start for a scheduled session only from ten minutes before its start, as the server allows', () => {
    const at = Date.parse('2026-03-01T10:00:00Z');
    const scheduled = { ...session('confirmed'), startTime: '2026-03-01T10:00:00Z' };
    for (const who of [HOST, GUEST]) {
      expect(allowedTransitions(scheduled, who, at - 24 * 3600_000).map((t) => t.status)).toEqual(['cancelled']);
      expect(allowedTransitions(scheduled, who, at - 10 * 60_000 - 1).map((t) => t.status)).toEqual(['cancelled']);
      expect(allowedTransitions(scheduled, who, at - 10 * 60_000).map((t) => t.status)).toEqual(['in_progress', 'cancelled']);
      expect(allowedTransitions(scheduled, who, at + 3600_000).map((t) => t.status)).toEqual(['in_progress', 'cancelled']);
    }
  });

  it('offers nothing once a session is over', () => {
    for (const status of ['declined', 'cancelled', 'completed'] as const) {
      expect(allowedTransitions(session(status), HOST)).toEqual([]);
      expect(allowedTransitions(session(status), GUEST)).toEqual([]);
    }
  });
});

describe('routes in the location hash', () => {
  it('round-trips every view', () => {
    for (const route of [
      { view: 'chats' as const },
      { view: 'chats' as const, conversationId: 'c1' },
      { view: 'discover' as const },
      { view: 'sam' as const },
      { view: 'sessions' as const, callSessionId: 's1' },
      { view: 'admin' as const },
    ]) {
      expect(routeFromHash(hashOf(route))).toEqual({ callSessionId: undefined, ...route });
    }
  });

  it('falls back to the conversation list for anything unknown', () => {
    expect(routeFromHash('#/nowhere')).toEqual({ view: 'chats' });
    expect(routeFromHash('')).toEqual({ view: 'chats' });
  });
});

describe('what a session card offers', () => {
  it('offers nothing to someone who is not a participant', () => {
    expect(allowedTransitions(session('requested'), 'someone else')).toEqual([]);
    expect(allowedTransitions(session('confirmed'), 'someone else')).toEqual([]);
  });

  it('lets either participant cancel while payment is awaited, and the call be joined only once confirmed', () => {
    expect(allowedTransitions(session('awaiting_payment'), GUEST).map((t) => t.status)).toEqual(['cancelled']);
    expect(callable(session('requested'))).toBe(false);
    expect(callable(session('awaiting_payment'))).toBe(false);
    expect(callable(session('confirmed'))).toBe(true);
    expect(callable(session('in_progress'))).toBe(true);
    expect(callable(session('completed'))).toBe(false);
  });
});

describe('money routes', () => {
  it('reads the Stripe return and refresh of Settings, and writes them back', () => {
    expect(routeFromHash('#/settings?stripe=return')).toEqual({ view: 'settings', stripe: 'return' });
    expect(routeFromHash('#/settings?stripe=refresh')).toEqual({ view: 'settings', stripe: 'refresh' });
    expect(routeFromHash('#/settings?stripe=elsewhere')).toEqual({ view: 'settings' });
    expect(routeFromHash('#/money')).toEqual({ view: 'money' });
    expect(hashOf({ view: 'settings', stripe: 'return' })).toBe('#/settings?stripe=return');
    expect(hashOf({ view: 'money' })).toBe('#/money');
  });
});
