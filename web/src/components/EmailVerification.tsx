import { useEffect, useState } from 'react';
import { ApiError } from '../api';
import { api } from '../services';
import { useUi } from '../store';
import type { User } from '../types';
import { describe } from './AuthView';
import { ErrorAlert } from './ErrorAlert';

/** Until the address is verified: say so, and let the user ask for the link again (at most once a minute). */
export function EmailVerificationBanner() {
  const user = useUi((s) => s.user);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();
  if (!user || user.emailVerified !== false) return null;
  async function resend() {
    setError(undefined);
    try {
      await api.call('POST', '/api/auth/verification-email', {});
      setSent(true);
    } catch (e) {
      setError(e instanceof ApiError ? describe(e) : String(e));
    }
  }
  return (
    <div className="banner" role="status" data-testid="verify-email-banner">
      <p>
        Verify your e-mail: we sent a link to <strong>{user.email}</strong>. Payouts and managers wait for it.
      </p>
      <button className="quiet" onClick={() => void resend()} disabled={sent}>
        {sent ? 'Sent - check your inbox' : 'Send the link again'}
      </button>
      <ErrorAlert message={error} />
    </div>
  );
}

/** `/verify-email?token=…`: posts the token of the mailed link, then offers the way back to the app. */
export function VerifyEmailPage({ token }: { token: string }) {
  const [state, setState] = useState<'checking' | 'verified' | string>('checking');
  useEffect(() => {
    api.call<User>('POST', '/api/auth/verify-email', { token }).then(
      async (user) => {
        const current = useUi.getState().user;
        if (current?.id === user.id) {
          await api.updateUser(user);
          useUi.getState().setUser(user);
        }
        setState('verified');
      },
      (e) => setState(e instanceof ApiError ? describe(e) : String(e)),
    );
  }, [token]);
  return (
    <main className="auth" data-testid="verify-email-page">
      <h1>HumanChat</h1>
      {state === 'checking' && <p aria-busy="true">Checking your link…</p>}
      {state === 'verified' && <p>Your e-mail address is verified.</p>}
      {state !== 'checking' && state !== 'verified' && <ErrorAlert message={state} />}
      <a href="/">Open HumanChat</a>
    </main>
  );
}
