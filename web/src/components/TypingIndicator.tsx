import { useUi } from '../store';
import type { Participant } from '../types';

export function TypingIndicator({ conversationId, participants }: { conversationId: string; participants: Participant[] }) {
  const typing = useUi((s) => s.typing[conversationId]) ?? [];
  const names = typing.map((t) => participants.find((p) => p.userId === t.userId)?.displayName ?? 'Someone');
  return (
    <div className="typing-indicator" aria-live="polite" data-testid="typing-indicator">
      {names.length > 0 && `${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} typing…`}
    </div>
  );
}
