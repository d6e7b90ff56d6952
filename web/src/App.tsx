import { QueryClientProvider } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { AuthView } from './components/AuthView';
import { Shell } from './components/Shell';
import { Connection } from './connection';
import { queryClient } from './queries';
import { api, db, setConnection } from './services';
import { useUi } from './store';

/** The page of a mailed verification link: opened once per address, so its code (and next/link) loads on demand. */
const VerifyEmailPage = dynamic(() => import('./components/VerifyEmailPage').then((m) => m.VerifyEmailPage), { ssr: false });

/** Signed out: the sign-in/sign-up view. Signed in: the shell, with the connection keeping the cache in step. */
export function App() {
  const user = useUi((s) => s.user);
  // The connection belongs to the person signed in, not to their account's details (a saved profile keeps it open).
  const userId = user?.id;
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void api.load().then((auth) => {
      useUi.getState().setUser(auth?.user);
      setLoaded(true);
    });
    // The app shell (the page and the hashed files) is cached by a service worker so a reload works offline.
    if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!userId) return;
    const connection = new Connection(api, db, userId);
    setConnection(connection);
    connection.start();
    return () => {
      setConnection(undefined);
      queryClient.clear();
    };
  }, [userId]);

  let view;
  if (!loaded) {
    view = (
      <div className="splash" aria-busy="true">
        HumanChat
      </div>
    );
  } else {
    const verification = verificationToken();
    view = verification ? <VerifyEmailPage token={verification} /> : user ? <Shell /> : <AuthView />;
  }
  return <QueryClientProvider client={queryClient}>{view}</QueryClientProvider>;
}

/** The token of a mailed verification link (`/verify-email?token=…`), when this page is one. */
function verificationToken(): string | null {
  if (typeof location === 'undefined' || location.pathname !== '/verify-email') return null;
  return new URLSearchParams(location.search).get('token');
}
