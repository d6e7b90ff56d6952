'use client';

import dynamic from 'next/dynamic';

// The app reads IndexedDB, the socket and the URL's hash from its first render, so it renders in the browser only:
// the exported page carries the splash, and the bundle takes over.
const App = dynamic(() => import('../src/App').then((m) => m.App), {
  ssr: false,
  loading: () => (
    <div className="splash" aria-busy="true">
      HumanChat
    </div>
  ),
});

export default function Page() {
  return <App />;
}
