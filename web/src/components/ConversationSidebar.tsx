import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../services';
import { useUi } from '../store';
import { ConversationListItem } from './ConversationListItem';

/** The conversation list, newest activity first, read from the cache. */
export function ConversationSidebar() {
  const me = useUi((s) => s.user!.id);
  const conversations = useLiveQuery(() => db.conversations.orderBy('lastActivity').reverse().toArray(), []);
  return (
    <aside className="sidebar" aria-label="Conversations">
      <h2 className="sidebar-title">Chats</h2>
      {conversations && conversations.length === 0 && <p className="muted pad">No conversations yet — find a host in Discover.</p>}
      <ul className="conversation-list">
        {conversations?.map((c) => <ConversationListItem key={c.conversationId} conversation={c} me={me} />)}
      </ul>
    </aside>
  );
}
