import dynamic from 'next/dynamic';
import { useEffect } from 'react';
import { useUi } from '../store';
import { ConversationSidebar } from './ConversationSidebar';
import { ConversationView } from './ConversationView';
import { EmailVerificationBanner } from './EmailVerification';
import { MobileBottomNav } from './MobileBottomNav';
import { PaymentHost } from './PaymentHost';
import { SamChatView } from './SamChatView';
import { StatusBar } from './StatusBar';

// Only admins open it, and its charts are its own: a chunk of its own, fetched on first use.
const AdminPages = dynamic(() => import('./admin/AdminPages').then((m) => m.AdminPages), {
  ssr: false,
  loading: () => <p className="muted pad">Loading…</p>,
});
// Views most visits never open load on demand (the first-visit budget, scripts/bundle-size.mjs).
const SessionsPanel = dynamic(() => import('./SessionsPanel').then((m) => m.SessionsPanel), { ssr: false });
const SettingsPage = dynamic(() => import('./SettingsPage'), { ssr: false });
// Not the first view (chats is): its own chunk, which keeps the first visit within the bundle budget.
const DiscoverPanel = dynamic(() => import('./DiscoverPanel').then((m) => m.DiscoverPanel), { ssr: false });
const MoneyPage = dynamic(() => import('./MoneyPage'), { ssr: false });
const AvailabilityPage = dynamic(() => import('./AvailabilityPage'), { ssr: false });

/** Sidebar + the current view; on a phone one of them at a time, with the bottom nav. */
export function Shell() {
  const route = useUi((s) => s.route);
  const expireTyping = useUi((s) => s.expireTyping);

  useEffect(() => {
    const timer = setInterval(() => expireTyping(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [expireTyping]);

  const showingConversation = route.view === 'chats' && !!route.conversationId;
  return (
    <div className={`shell view-${route.view}${showingConversation ? ' has-conversation' : ''}`}>
      <StatusBar />
      <ConversationSidebar />
      <main className="main" id="main" tabIndex={-1}>
        <EmailVerificationBanner />
        {route.view === 'chats' &&
          (route.conversationId ? (
            <ConversationView key={route.conversationId} conversationId={route.conversationId} />
          ) : (
            <div className="empty-state">
              <p>Pick a conversation, find a host in Discover, or ask Sam.</p>
            </div>
          ))}
        {route.view === 'discover' && <DiscoverPanel />}
        {route.view === 'sam' && <SamChatView />}
        {route.view === 'sessions' && <SessionsPanel />}
        {route.view === 'admin' && <AdminPages />}
        {route.view === 'settings' && <SettingsPage />}
        {route.view === 'money' && <MoneyPage />}
        {route.view === 'availability' && <AvailabilityPage />}
      </main>
      <MobileBottomNav />
      <PaymentHost />
    </div>
  );
}
