import { useMutation } from '@tanstack/react-query';
import { useUi } from '../store';
import { auth, errorText } from '../endpoints';
import { ErrorAlert } from './ErrorAlert';

/** Until the address is verified: say so, and let the user ask for the link again (at most once a minute). */
export function EmailVerificationBanner() {
  const user = useUi((s) => s.user);
  const resend = useMutation({ mutationFn: auth.resendVerification });
  if (!user || user.emailVerified !== false) return null;
  const sent = resend.isSuccess;
  return (
    <div className="banner" role="status" data-testid="verify-email-banner">
      <p>
        Verify your e-mail: we sent a link to <strong>{user.email}</strong>. Payouts and managers wait for it.
      </p>
      <button className="quiet" onClick={() => resend.mutate()} disabled={sent || resend.isPending}>
        {sent ? 'Sent - check your inbox' : 'Send the link again'}
      </button>
      <ErrorAlert message={resend.error ? errorText(resend.error) : undefined} />
    </div>
  );
}
