import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { groupSecret } from '../accountViews';
import { errorText } from '../endpoints';
import { account } from '../viewEndpoints';
import { ErrorAlert } from './ErrorAlert';

const TWO_FACTOR = ['two-factor'];
const SIGN_INS = ['sign-ins'];

/** Settings › Security: two-factor sign-in (TOTP) and the list of sign-ins, each revocable. */
export function SecuritySettings() {
  return (
    <section className="card" aria-labelledby="security-title" data-testid="security-settings">
      <h2 id="security-title">Security</h2>
      <TwoFactor />
      <SignIns />
    </section>
  );
}

function TwoFactor() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: TWO_FACTOR, queryFn: account.twoFactor });
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: TWO_FACTOR });
  const enrol = useMutation({ mutationFn: account.enrolTwoFactor, onSuccess: (e) => setEnrolment(e) });
  const confirm = useMutation({
    mutationFn: () => account.confirmTwoFactor(code.trim()),
    onSuccess: (answer) => {
      setEnrolment(null);
      setCode('');
      setRecoveryCodes(answer.recoveryCodes);
      void refresh();
    },
  });
  const disable = useMutation({
    mutationFn: () => account.disableTwoFactor(code.trim()),
    onSuccess: () => {
      setCode('');
      setRecoveryCodes(null);
      void refresh();
    },
  });
  const failure = status.error ?? enrol.error ?? confirm.error ?? disable.error;

  function submit(e: FormEvent, action: () => void) {
    e.preventDefault();
    action();
  }

  return (
    <div className="security-block" data-testid="two-factor">
      <h3>Two-factor sign-in</h3>
      {status.data?.enabled ? (
        <>
          <p className="success" data-testid="two-factor-on">
            On — signing in asks for a code from your authenticator app. {status.data.recoveryCodesLeft} recovery codes left.
          </p>
          {recoveryCodes && (
            <div className="recovery-codes" data-testid="recovery-codes">
              <p>
                <strong>Save these recovery codes now.</strong> Each signs you in once if you lose your phone; they are not shown again.
              </p>
              <ul>
                {recoveryCodes.map((c) => (
                  <li key={c}>
                    <code>{c}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <form onSubmit={(e) => submit(e, () => disable.mutate())} className="inline-form">
            <label>
              Code or recovery code
              <input name="disable-code" autoComplete="one-time-code" required maxLength={32} value={code} onChange={(e) => setCode(e.target.value)} />
            </label>
            <button type="submit" className="quiet" disabled={disable.isPending}>
              Turn off
            </button>
          </form>
        </>
      ) : enrolment ? (
        <form onSubmit={(e) => submit(e, () => confirm.mutate())} data-testid="two-factor-enrolment">
          <p>
            Add HumanChat to your authenticator app: open the link on your phone, or type the key by hand. Then enter the 6-digit code it shows.
          </p>
          <p>
            <a href={enrolment.otpauthUri} data-testid="otpauth-uri">
              Open in authenticator app
            </a>
          </p>
          <p>
            Key: <code data-testid="two-factor-secret">{groupSecret(enrolment.secret)}</code>
          </p>
          <label>
            Code from the app
            <input name="confirm-code" className="code-input" autoComplete="one-time-code" inputMode="numeric" required maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={confirm.isPending}>
            Turn on
          </button>
        </form>
      ) : (
        <>
          <p className="muted">Protect your account with a code from an authenticator app each time you sign in. Recommended for hosts.</p>
          <button className="primary" onClick={() => enrol.mutate()} disabled={enrol.isPending || status.isLoading}>
            Set up two-factor sign-in
          </button>
        </>
      )}
      <ErrorAlert message={failure ? errorText(failure) : undefined} />
    </div>
  );
}

function SignIns() {
  const queryClient = useQueryClient();
  const signIns = useQuery({ queryKey: SIGN_INS, queryFn: account.signIns });
  const revoke = useMutation({
    mutationFn: account.revokeSignIn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SIGN_INS }),
  });
  const when = (iso: string) => new Date(iso).toLocaleString();
  return (
    <div className="security-block" data-testid="sign-ins">
      <h3>Where you are signed in</h3>
      <ul className="sign-ins">
        {(signIns.data?.items ?? []).map((s) => (
          <li key={s.id}>
            <span>
              Signed in {when(s.signedInAt)} · last active {when(s.lastActiveAt)}
              {s.current && <strong> · this device</strong>}
            </span>
            {!s.current && (
              <button className="quiet" onClick={() => revoke.mutate(s.id)} disabled={revoke.isPending}>
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert message={signIns.error ? errorText(signIns.error) : revoke.error ? errorText(revoke.error) : undefined} />
    </div>
  );
}
