import { attachmentLabel, mentionWaiting, readableText } from '../mentions';
import { useUi } from '../store';
import type { Conversation } from '../types';
import { SAM_USER_ID } from '../types';
import { conversationTitle, initials, others, timeOf } from './names';
import { AvatarImage } from './AttachmentLinks';
import { Icon } from './Icon';
import { PresenceDot } from './PresenceDot';

/** One conversation: avatar with presence, title, last message, time, unread badge and "@" while a mention waits. */
export function ConversationListItem({ conversation, me }: { conversation: Conversation; me: string }) {
  const route = useUi((s) => s.route);
  const navigate = useUi((s) => s.navigate);
  const typing = useUi((s) => (s.typing[conversation.conversationId] ?? []).length > 0);
  const title = conversationTitle(conversation, me);
  const peer = others(conversation, me)[0];
  const isSam = peer?.userId === SAM_USER_ID;
  const active = route.view === 'chats' && route.conversationId === conversation.conversationId;
  const last = conversation.lastMessage;
  // A message of attachments only is previewed by what it carries; mentions by the members' current names.
  const nameOf = (id: string) => conversation.participants.find((p) => p.userId === id)?.displayName ?? 'Someone';
  const text = last && (last.content ? readableText(last.content, nameOf) : attachmentLabel(last.attachments));
  const preview = typing ? 'typing…' : last ? (last.deletedAt ? 'Message deleted' : `${last.senderId === me ? 'You: ' : ''}${text}`) : 'No messages yet';
  return (
    <li>
      <button
        className={`conversation-item${active ? ' active' : ''}`}
        aria-current={active ? 'true' : undefined}
        data-testid="conversation-item"
        onClick={() => navigate(isSam ? { view: 'sam' } : { view: 'chats', conversationId: conversation.conversationId })}
      >
        <span className="avatar" aria-hidden="true">
          {isSam ? <Icon name="sam" /> : <AvatarImage avatarId={peer?.avatarId} fallback={initials(title)} />}
          {peer && !isSam && <PresenceDot userId={peer.userId} />}
        </span>
        <span className="item-body">
          <span className="item-top">
            <span className="item-title">{title}</span>
            <time className="item-time">{timeOf(conversation.lastActivity)}</time>
          </span>
          <span className="item-bottom">
            <span className={`item-preview${typing ? ' typing' : ''}`}>{preview}</span>
            {mentionWaiting(conversation) && (
              <span className="badge mention-badge" data-testid="mention-badge" aria-label="You were mentioned">
                @
              </span>
            )}
            {conversation.unreadCount > 0 && (
              <span className="badge" data-testid="unread-badge" aria-label={`${conversation.unreadCount} unread`}>
                {conversation.unreadCount}
              </span>
            )}
          </span>
        </span>
      </button>
    </li>
  );
}
