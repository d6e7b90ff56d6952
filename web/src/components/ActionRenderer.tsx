import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { db, formatMoney } from '../services';
import { sessionTime } from '../time';
import { bookedFromProposal, proposalUsedLabel, requestFromProposal, requestUsedLabel } from '../samProposals';
import type { SamAction } from '../types';
import { errorText, requests, sessions } from '../endpoints';
import { useProfile } from '../queries';
import { openConversationWith } from '../openConversation';
import { IntroductionRequest } from './IntroductionRequest';
import { PresenceDot } from './PresenceDot';

/**
 * Renders the actions a message carries: Sam's host cards, "book this" and request buttons. Session actions are drawn
 * by the thread itself (one live card per session, see `timeline`).
 */
export function ActionRenderer({ actions }: { actions: SamAction[] | undefined }) {
  if (!actions?.length) return null;
  return (
    <div className="actions">
      {actions.map((action, i) => {
        switch (action.type) {
          case 'show_hosts':
            return (
              <div className="host-cards" key={i}>
                {action.hostIds.map((id) => <HostCard key={id} hostId={id} />)}
              </div>
            );
          case 'propose_booking':
            return <ProposedBooking key={i} action={action} />;
          case 'open_request':
            return <OpenRequest key={i} action={action} />;
          default:
            return null;
        }
      })}
    </div>
  );
}

export function HostCard({ hostId }: { hostId: string }) {
  const host = useProfile(hostId);
  const message = useMutation({ mutationFn: openConversationWith });
  if (!host) return <div className="host-card card muted">Loading host…</div>;
  return (
    <article className="host-card card" aria-label={host.displayName} data-testid="host-card">
      <h3>
        {host.displayName} <PresenceDot userId={host.id} fallback={host.presence?.status} />
      </h3>
      {host.bio && <p>{host.bio}</p>}
      {!!host.tags?.length && <p className="tags">{host.tags.map((t) => <span className="tag" key={t}>#{t}</span>)}</p>}
      {host.priceCents != null && <p className="muted">{formatMoney(host.priceCents, host.currency ?? 'usd')} per session</p>}
      {host.managed ? (
        <IntroductionRequest host={host} />
      ) : (
        <button className="primary" disabled={message.isPending} onClick={() => message.mutate(host)}>
          Message
        </button>
      )}
      {message.error && <p className="error">{errorText(message.error)}</p>}
    </article>
  );
}

function ProposedBooking({ action }: { action: Extract<SamAction, { type: 'propose_booking' }> }) {
  const host = useProfile(action.hostUserId);
  const booked = useLiveQuery(
    async () => bookedFromProposal(action.actionId, await db.sessions.toArray()),
    [action.actionId],
  );
  const book = useMutation({
    mutationFn: () =>
      sessions.book({
        hostUserId: action.hostUserId,
        startTime: action.startTime,
        durationMinutes: action.durationMinutes,
        agreedPrice: action.agreedPrice,
        paymentMode: action.paymentMode,
        samActionId: action.actionId,
      }),
    onSuccess: async (session) => {
      if (session?.guestUserId) await db.sessions.put(session); // a 202 (pending) arrives later by sync
    },
  });
  return (
    <ProposalCard used={booked && proposalUsedLabel(booked)} act="Book this" acting={book} actingText="Requesting…">
      {action.durationMinutes} min with {host?.displayName ?? 'this host'},{' '}
      {action.startTime ? sessionTime(action.startTime) : 'now'},{' '}
      {formatMoney(action.agreedPrice.amountCents, action.agreedPrice.currency)} ({action.paymentMode})
    </ProposalCard>
  );
}

function OpenRequest({ action }: { action: Extract<SamAction, { type: 'open_request' }> }) {
  const host = useProfile(action.hostUserId);
  const sent = useLiveQuery(
    async () => requestFromProposal(action.actionId, await db.requests.toArray()),
    [action.actionId],
  );
  const send = useMutation({
    mutationFn: () => requests.open(action.hostUserId, action.message, action.actionId),
    onSuccess: async (request) => {
      if (request?.requesterId) await db.requests.put(request); // a 202 (pending) arrives later by sync
    },
  });
  return (
    <ProposalCard used={sent && requestUsedLabel(sent)} act="Send request" acting={send}>
      Ask {host?.displayName ?? 'this host'}&apos;s representative: “{action.message}”
    </ProposalCard>
  );
}

/**
 * One of Sam's proposals: what it offers, and its button until it was acted on, then what became of it. While the
 * button's mutation runs it shows `actingText` (if any), and its error if it failed.
 */
function ProposalCard({
  children,
  used,
  act,
  acting,
  actingText,
}: {
  children: ReactNode;
  /** What became of the proposal; undefined while it is open. */
  used: string | undefined;
  act: string;
  acting: Pick<UseMutationResult<unknown, Error, void>, 'isPending' | 'error' | 'mutate'>;
  actingText?: string;
}) {
  const state = acting.isPending ? actingText : acting.error ? errorText(acting.error) : undefined;
  return (
    <div className="card proposal">
      <p>{children}</p>
      {used ? (
        <p className="muted" data-testid="proposal-used">
          {used}
        </p>
      ) : (
        <button className="primary" disabled={acting.isPending} onClick={() => acting.mutate()}>
          {act}
        </button>
      )}
      {state && !used && <p className="muted" role="status">{state}</p>}
    </div>
  );
}
