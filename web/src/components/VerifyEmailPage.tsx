import Link from 'next/link';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../services';
import { useUi } from '../store';
import { auth, errorText } from '../endpoints';
import { ErrorAlert } from './ErrorAlert';

/** `/verify-email?token=…`: posts the token of the mailed link, then offers the way back to the app. */
export function VerifyEmailPage({ token }: { token: string }) {
  const verify = useMutation({
    mutationFn: auth.verifyEmail,
    onSuccess: async (user) => {
      const current = useUi.getState().user;
      if (current?.id === user.id) {
        await api.updateUser(user);
        useUi.getState().setUser(user);
      }
    },
  });
  const { mutate } = verify;
  // A token works once: posted once per page, whatever the effect's re-runs (Strict Mode runs effects twice).
  const posted = useRef<string>(undefined);
  useEffect(() => {
    if (posted.current === token) return;
    posted.current = token;
    mutate(token);
  }, [token, mutate]);
  return (
    <main className="auth" data-testid="verify-email-page">
      <h1>HumanChat</h1>
      {(verify.isIdle || verify.isPending) && <p aria-busy="true">Checking your link…</p>}
      {verify.isSuccess && <p>Your e-mail address is verified.</p>}
      <ErrorAlert message={verify.error ? errorText(verify.error) : undefined} />
      <Link href="/">Open HumanChat</Link>
    </main>
  );
}
