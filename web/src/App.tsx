import { useEffect, useState } from 'react';
import { AuthView } from './components/AuthView';
import { VerifyEmailPage } from './components/EmailVerification';
import { Shell } from './components/Shell';
import { Connection } from './connection';
import { api, db, setConnection } from './services';
import { useUi } from './store';

/** Signed out: the sign-in/sign-up view. Signed in: the shell, with the connection keeping the cache in step. */
export function App() {
  const user = useUi((s) => s.user);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void api.load().then((auth) => {
      useUi.getState().setUser(auth?.user);
      setLoaded(true);
    });
  }, []);

  useEffect(() => {
    if (!user) return;
    const connection = new Connection(api, db, user.id);
    setConnection(connection);
    connection.start();
    return () => setConnection(undefined);
  }, [user]);

  if (!loaded) return <div className="splash" aria-busy="true">HumanChat</div>;
  const verification = verificationToken();
  if (verification) return <VerifyEmailPage token={verification} />;
  return user ? <Shell /> : <AuthView />;
}

/** The token of a mailed verification link (`/verify-email?token=…`), when this page is one. */
function verificationToken(): string | null {
  if (typeof location === 'undefined' || location.pathname !== '/verify-email') return null;
  return new URLSearchParams(location.search).get('token');
}
