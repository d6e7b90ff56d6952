import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../endpoints';
import { safety } from '../viewEndpoints';
import { queryClient } from '../queries';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorAlert } from './ErrorAlert';

/** The accounts the signed-in user blocks (server state). */
export function useBlocks() {
  return useQuery({ queryKey: ['blocks'], queryFn: safety.blocks, staleTime: 60_000 });
}

/**
 * Block or unblock someone. Blocking asks first and says what it does: they can no longer message, book, tip or send
 * a request to the blocker, nor see their presence; the conversation stays readable. Unblocking restores all of it.
 */
export function BlockButton({ userId, displayName }: { userId: string; displayName: string }) {
  const blocks = useBlocks();
  const [asking, setAsking] = useState(false);
  const blocked = !!blocks.data?.items.some((b) => b.userId === userId);
  const change = useMutation({
    mutationFn: () => (blocked ? safety.unblock(userId) : safety.block(userId).then(() => undefined)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['blocks'] }),
  });
  if (!blocks.data) return null;
  return (
    <>
      {blocked ? (
        <button className="quiet" onClick={() => change.mutate()} disabled={change.isPending} aria-label={`Unblock ${displayName}`}>
          Unblock
        </button>
      ) : (
        <button className="quiet" onClick={() => setAsking(true)} aria-label={`Block ${displayName}`}>
          Block
        </button>
      )}
      {change.error && <ErrorAlert message={errorText(change.error)} />}
      {asking && (
        <ConfirmDialog
          title={`Block ${displayName}?`}
          confirmLabel="Block"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            change.mutate();
          }}
        >
          <p>
            They will no longer be able to message you, book or tip you, send you a request, or see when you are online.
            They are not told. You can still read this conversation, and unblock them at any time.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** A line in a conversation with someone the user blocked: why nothing new arrives, and the way back. */
export function BlockedNotice({ userId, displayName }: { userId: string; displayName: string }) {
  const blocks = useBlocks();
  if (!blocks.data?.items.some((b) => b.userId === userId)) return null;
  return (
    <p className="blocked-notice" role="status" data-testid="blocked-notice">
      You blocked {displayName}. They cannot message you here until you unblock them.
    </p>
  );
}
