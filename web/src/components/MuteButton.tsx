import { useMutation } from '@tanstack/react-query';
import { errorText, notifications } from '../endpoints';
import { PREFERENCES_KEY, usePreferences, withMute } from '../notifications';
import { queryClient } from '../queries';
import { ErrorAlert } from './ErrorAlert';

/**
 * Mute or unmute a conversation: a muted one sends no e-mail, push or browser notification and stays out of the
 * tab title's unread total; its messages still arrive and its badge in the list still counts them.
 */
export function MuteButton({ conversationId, title }: { conversationId: string; title: string }) {
  const prefs = usePreferences();
  const muted = !!prefs.data?.mutedConversationIds.includes(conversationId);
  const change = useMutation({
    mutationFn: () => notifications.savePreferences(withMute(prefs.data!, conversationId, !muted)),
    onSuccess: (saved) => queryClient.setQueryData(PREFERENCES_KEY, saved),
  });
  if (!prefs.data) return null;
  return (
    <>
      <button
        className="quiet"
        aria-pressed={muted}
        aria-label={muted ? `Unmute ${title}` : `Mute ${title}`}
        title={muted ? 'Muted: no notifications from this conversation' : 'Stop notifications from this conversation'}
        disabled={change.isPending}
        onClick={() => change.mutate()}
        data-testid="mute-button"
      >
        {muted ? 'Unmute' : 'Mute'}
      </button>
      {change.error && <ErrorAlert message={errorText(change.error)} />}
    </>
  );
}
