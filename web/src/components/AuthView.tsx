import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { AUTH } from '../db';
import { needsSecondFactor } from '../accountViews';
import { auth, errorText } from '../endpoints';
import { api, db } from '../services';
import { useUi } from '../store';
import { ErrorAlert } from './ErrorAlert';

/** Sign in, or sign up as a guest ("user") or a host. */
export function AuthView() {
  const [mode, setMode] = useState<'signin' | 'signup'>('signin');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<'user' | 'host'>('user');
  const [code, setCode] = useState('');
  const [askCode, setAskCode] = useState(false);
  const enter = useMutation({
    mutationFn: () =>
      mode === 'signin'
        ? auth.login(email, password, askCode ? code.trim() : undefined)
        : auth.register(email, password, displayName, role),
    onError: (error) => {
      if (needsSecondFactor(error)) setAskCode(true);
    },
    onSuccess: async (answer) => {
      // Another person's cache never shows to the next one who signs in on this browser.
      const previous = await db.setting<{ user: { id: string } }>(AUTH);
      if (previous && previous.user.id !== answer.user.id) await db.clearAll();
      await api.signIn(answer);
      useUi.getState().setUser(answer.user);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    enter.mutate();
  }

  return (
    <main className="auth">
      <h1 className="brand">HumanChat</h1>
      <p className="tagline">Talk to people worth talking to — and to Sam, who finds them for you.</p>
      <div className="tabs" role="tablist" aria-label="Account">
        <button role="tab" aria-selected={mode === 'signin'} onClick={() => setMode('signin')}>
          Sign in
        </button>
        <button role="tab" aria-selected={mode === 'signup'} onClick={() => setMode('signup')}>
          Sign up
        </button>
      </div>
      <form onSubmit={submit} className="card form" aria-label={mode === 'signin' ? 'Sign in' : 'Sign up'}>
        {mode === 'signup' && (
          <label>
            Display name
            <input name="displayName" required maxLength={120} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          </label>
        )}
        <label>
          Email
          <input name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete={mode === 'signin' ? 'current-password' : 'new-password'}
            required
            minLength={mode === 'signup' ? 8 : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {mode === 'signin' && askCode && (
          <label>
            Two-factor code
            <input
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              autoFocus
              maxLength={32}
              placeholder="6-digit code or recovery code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
        )}
        {mode === 'signup' && (
          <fieldset className="roles">
            <legend>I want to</legend>
            <label>
              <input type="radio" name="role" value="user" checked={role === 'user'} onChange={() => setRole('user')} /> talk to hosts
            </label>
            <label>
              <input type="radio" name="role" value="host" checked={role === 'host'} onChange={() => setRole('host')} /> be a host
            </label>
          </fieldset>
        )}
        <ErrorAlert message={enter.error && !(needsSecondFactor(enter.error) && !code) ? errorText(enter.error) : undefined} />
        <button type="submit" className="primary" disabled={enter.isPending}>
          {mode === 'signin' ? 'Sign in' : 'Create account'}
        </button>
      </form>
    </main>
  );
}
