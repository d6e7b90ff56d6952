import Link from 'next/link';
import { useEffect, useState } from 'react';
import { api } from '../services';
import { useUi } from '../store';
import { auth, errorText } from '../endpoints';
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
      await auth.resendVerification();
      setSent(true);
    } catch (e) {
      setError(errorText(e));
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
    auth.verifyEmail(token).then(
      async (user) => {
        const current = useUi.getState().user;
        if (current?.id === user.id) {
          await api.updateUser(user);
          useUi.getState().setUser(user);
        }
        setState('verified');
      },
      (e) => setState(errorText(e)),
    );
  }, [token]);
  return (
    <main className="auth" data-testid="verify-email-page">
      <h1>HumanChat</h1>
      {state === 'checking' && <p aria-busy="true">Checking your link…</p>}
      {state === 'verified' && <p>Your e-mail address is verified.</p>}
      {state !== 'checking' && state !== 'verified' && <ErrorAlert message={state} />}
      <Link href="/">Open HumanChat</Link>
    </main>
  );
}
