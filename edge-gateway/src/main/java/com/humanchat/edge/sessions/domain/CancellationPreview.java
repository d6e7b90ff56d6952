package com.humanchat.edge.sessions.domain;

import com.humanchat.schemas.sessions.Money;
import com.humanchat.schemas.sessions.RefundPolicy;
import com.humanchat.schemas.sessions.Session;
import com.humanchat.schemas.sessions.SessionStatus;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What cancelling a session now would cause, told to a participant before they confirm: the refund the payments
 * worker will make under the same {@link RefundPolicy}, or why there is none.
 *
 * @param cancellable whether the session can still be cancelled
 * @param refund what goes back to the guest, null when nothing was paid
 * @param message the answer in words for {@code viewer}
 */
public record CancellationPreview(boolean cancellable, Money refund, String message) {

    private static final Set<SessionStatus> CANCELLABLE =
            Set.of(SessionStatus.REQUESTED, SessionStatus.AWAITING_PAYMENT, SessionStatus.CONFIRMED);

    /**
     * @param paid what the guest's payment of the session took, null when no payment succeeded
     * @param viewer the participant asking
     * @param now when they would cancel
     */
    public static CancellationPreview of(Session session, Money paid, RefundPolicy policy, UUID viewer, Instant now) {
        if (!CANCELLABLE.contains(session.status())) {
            return new CancellationPreview(
                    false,
                    null,
                    "a session that is " + session.status().wire().replace("_", " ") + " cannot be cancelled");
        }
        if (paid == null || paid.amountCents() == 0) {
            return new CancellationPreview(true, null, "nothing was paid, so there is nothing to refund");
        }
        RefundPolicy.Refund refund =
                policy.refund(paid.amountCents(), paid.currency(), session.status(), session.startTime(), now);
        String who = session.guestUserId().equals(viewer) ? "you" : "the guest";
        String message = refund.amountCents() > 0
                ? who + " will be refunded " + refund.amount() + " (" + refund.why() + ")"
                : "no refund: " + refund.why();
        return new CancellationPreview(true, Money.of(refund.amountCents(), refund.currency()), message);
    }
}
