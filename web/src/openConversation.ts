import { conversations } from './endpoints';
import { db } from './services';
import { useUi } from './store';
import { newDirectConversation } from './sync';
import type { Conversation, User } from './types';

/** Opens (or creates — idempotent per pair) the direct conversation with a host and shows it. */
export async function openConversationWith(host: User): Promise<void> {
  const ui = useUi.getState();
  const me = ui.user!;
  const answer = await conversations.openDirect(host.id);
  const existing = await db.conversations.get(answer.conversationId);
  if (!existing) {
    // 201/200 carry the conversation; a 202 (still being created) only its id: keep what we know until sync brings it.
    await db.conversations.put(
      answer.participants
        ? (answer as Conversation)
        : newDirectConversation(
            answer.conversationId,
            [
              { userId: me.id, displayName: me.displayName },
              { userId: host.id, displayName: host.displayName },
            ],
            new Date().toISOString(),
          ),
    );
  }
  ui.navigate({ view: 'chats', conversationId: answer.conversationId });
}
