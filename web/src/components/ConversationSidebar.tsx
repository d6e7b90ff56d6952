import { useLiveQuery } from 'dexie-react-hooks';
import dynamic from 'next/dynamic';
import { db } from '../services';
import { useUi } from '../store';
import { ConversationListItem } from './ConversationListItem';

// The search box and its results are their own chunk, fetched after the first paint.
const SearchBox = dynamic(() => import('./SearchBox').then((m) => m.SearchBox), { ssr: false });

/** The conversation list, newest activity first, read from the cache. */
export function ConversationSidebar() {
  const me = useUi((s) => s.user!.id);
  const Heading = useUi((s) => s.route.view === 'chats' && !s.route.conversationId) ? 'h1' : 'h2';
  const conversations = useLiveQuery(() => db.conversations.orderBy('lastActivity').reverse().toArray(), []);
  return (
    <aside className="sidebar" id="conversations" aria-label="Conversations" tabIndex={-1}>
      {/* The list is the chats view's main content until a conversation is open (then that is the h1). */}
      <Heading className="sidebar-title">Chats</Heading>
      <SearchBox />
      {conversations && conversations.length === 0 && <p className="muted pad">No conversations yet — find a host in Discover.</p>}
      <ul className="conversation-list">
        {conversations?.map((c) => <ConversationListItem key={c.conversationId} conversation={c} me={me} />)}
      </ul>
    </aside>
  );
}
